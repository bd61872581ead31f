import EWA
import EWAIO

/// The one way text is written into a gnuplot script: as a literal that gnuplot reads as exactly
/// the characters shown and never interprets.
///
/// Every string a script holds (titles, axis labels, legend entries, the output file, time
/// formats, fonts, colours, and the comment naming what made it) goes through ``quoted(_:)`` or
/// ``comment(_:)``, because headers, run names and file names come from input:
///
/// - gnuplot runs the command between backquotes inside a double-quoted string (`"`cmd`"`) and
///   reads backslash escapes there; a single-quoted string does neither, so every literal is
///   single-quoted, with a `'` inside doubled (`''`, gnuplot's escape for it);
/// - macros (`@name`) are not expanded inside quotes, and `system("…")`, `;` or `EOD` inside a
///   literal are plain characters;
/// - a line break ends a command and cannot be written inside a literal at all: line breaks,
///   other control characters and invisible characters (``MessageText/isHidden(_:)``) are
///   written as visible escapes (`\n`, `\u{1B}`, `\u{FEFF}`), as error messages show them; a
///   file name must not contain them (``unsupportedCharacter(in:)``), since the escape would
///   name another file;
/// - enhanced-text markup (`^ _ { } @ & ~ \`) is not applied: the script sets `noenhanced` on
///   the terminal and on every title and label, so `{/Symbol a}^2_x` prints as typed;
/// - a comment line ending in a backslash would continue onto the next command: ``comment(_:)``
///   never ends in one.
///
/// Numbers are written by ``GnuplotNumber``, and datablocks hold numbers only.
public enum GnuplotText {
  /// `text` as a gnuplot single-quoted literal, with its quotes.
  ///
  /// ```
  /// GnuplotText.quoted("it's `id`")   // 'it''s `id`'
  /// GnuplotText.quoted("a\nb")        // 'a\nb' (a backslash and an n)
  /// ```
  public static func quoted(_ text: String) -> String {
    "'" + escaped(text, quote: true) + "'"
  }

  /// The most characters of a title, label or legend entry written (a chart cannot show more;
  /// a five-megabyte CSV header would otherwise cost gnuplot minutes and half a gigabyte).
  public static let displayLimit = 1000

  /// Text to be read on the chart (a title, an axis label, a legend entry) as a literal: like
  /// ``quoted(_:)``, cut to ``displayLimit`` characters with `…` when longer.
  public static func label(_ text: String) -> String {
    quoted(shortened(text))
  }

  /// A comment line, `# text`, with line breaks and other hidden characters escaped, cut like a
  /// ``label(_:)``, and a space after a final backslash (which would otherwise continue the
  /// comment onto the next line).
  public static func comment(_ text: String) -> String {
    let body = escaped(shortened(text), quote: false)
    return "# " + body + (body.hasSuffix("\\") ? " " : "")
  }

  /// `text` for a place inside enhanced text (``Figure/titleMarkup``) where it must print as
  /// typed: each character enhanced text would read as markup (`^ _ { } @ & ~ \`) behind a
  /// backslash, gnuplot's escape for it in a single-quoted literal.
  ///
  /// ```
  /// GnuplotText.markupLiteral("x_1^2")   // x\_1\^2
  /// ```
  public static func markupLiteral(_ text: String) -> String {
    var out = ""
    for character in text {
      if "^_{}@&~\\".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// `text` cut to ``displayLimit`` characters, with `…` when it was longer.
  static func shortened(_ text: String) -> String {
    guard text.unicodeScalars.count > displayLimit else { return text }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: text.unicodeScalars.prefix(displayLimit))
    return String(view) + "…"
  }

  /// The first character of `path` that ``quoted(_:)`` would not write as itself (a control or
  /// invisible character), or `nil` when a script can name the file exactly.
  public static func unsupportedCharacter(in path: String) -> Unicode.Scalar? {
    path.unicodeScalars.first(where: MessageText.isHidden)
  }

  /// Refuses a file name a script cannot carry.
  ///
  /// - Parameter role: what the file is, for the message (`the output file`).
  /// - Throws: ``PlotError`` (usage) naming the file and the character.
  public static func checkPath(_ path: String, role: String) throws(PlotError) {
    guard let scalar = unsupportedCharacter(in: path) else { return }
    throw PlotError(
      kind: .usage,
      message:
        "\(role) \(MessageText.quoted(path)) contains \(MessageText.quoted(String(scalar))), "
        + "a control or invisible character that a gnuplot script cannot name a file with; "
        + "choose another name")
  }

  /// The characters of `text` as they appear inside a literal: hidden characters escaped, and
  /// with `quote` each `'` doubled.
  static func escaped(_ text: String, quote: Bool) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "'" where quote: out += "''"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where MessageText.isHidden(scalar):
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
