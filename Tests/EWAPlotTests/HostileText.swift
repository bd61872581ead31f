import Foundation
import Testing

/// Strings an attacker would put in a CSV header, a run name, a file name or an option, to make
/// gnuplot run a command: each tries to create `pwned-N` in a test's directory, so a test only
/// has to look for such files afterwards.
struct HostileText: Sendable, CustomTestStringConvertible {
  /// A short name for test output.
  let name: String
  /// The text itself.
  let text: String
  /// What gnuplot must print for it: the text with line breaks and other hidden characters as
  /// visible escapes; `nil` when too long or unprintable to look for.
  let shown: String?

  var testDescription: String { name }

  /// Whether the text can be a file name (no `/`, no NUL).
  var isFileName: Bool { !text.contains("/") && !text.contains("\u{0}") && text.utf8.count < 200 }

  /// The corpus, its commands aimed at `directory`.
  static func corpus(in directory: URL) -> [HostileText] {
    let d = directory.path
    let long = String(repeating: "L", count: 100_000) + "`touch \(d)/pwned-long`"
    return [
      .init(name: "backquotes", text: "`touch \(d)/pwned-1`", shown: "`touch \(d)/pwned-1`"),
      .init(
        name: "system", text: "system(\"touch \(d)/pwned-2\")",
        shown: "system(\"touch \(d)/pwned-2\")"),
      .init(
        name: "single quote", text: "x' . system('touch \(d)/pwned-3') . 'y",
        shown: "x' . system('touch \(d)/pwned-3') . 'y"),
      .init(
        name: "double quote", text: "\" . system(\"touch \(d)/pwned-4\") . \"`touch \(d)/pwned-5`",
        shown: "\" . system(\"touch \(d)/pwned-4\") . \"`touch \(d)/pwned-5`"),
      .init(name: "final backslash", text: "ends in \\", shown: "ends in \\"),
      .init(
        name: "newline shell", text: "a\n!touch \(d)/pwned-6\nb",
        shown: "a\\n!touch \(d)/pwned-6\\nb"),
      .init(
        name: "carriage return", text: "c\r!touch \(d)/pwned-7", shown: "c\\r!touch \(d)/pwned-7"),
      .init(name: "macro", text: "@GPVAL_TERM @x", shown: "@GPVAL_TERM @x"),
      .init(
        name: "semicolon", text: "t'; system 'touch \(d)/pwned-8'; x='",
        shown: "t'; system 'touch \(d)/pwned-8'; x='"),
      .init(
        name: "EOD", text: "EOD\nsystem 'touch \(d)/pwned-9'",
        shown: "EOD\\nsystem 'touch \(d)/pwned-9'"),
      .init(
        name: "enhanced text", text: "{/Symbol a}^2_x &{b} ~c", shown: "{/Symbol a}^2_x &{b} ~c"),
      .init(
        name: "control characters", text: "\u{1B}[31mred\u{7}\u{7F}end",
        shown: "\\u{1B}[31mred\\u{7}\\u{7F}end"),
      .init(name: "tab", text: "a\tb", shown: "a\\tb"),
      .init(
        name: "invisible", text: "\u{FEFF}bom\u{200B}zw\u{202E}rtl",
        shown: "\\u{FEFF}bom\\u{200B}zw\\u{202E}rtl"),
      .init(name: "long", text: long, shown: nil),
      // Without a directory, so that they can also be file names (gnuplot runs in the test's
      // directory, where `touch` would create them).
      .init(name: "backquotes, relative", text: "`touch pwned-f1`", shown: "`touch pwned-f1`"),
      .init(
        name: "quotes, relative", text: "x' . system('touch pwned-f2') . \"`touch pwned-f3`\"",
        shown: "x' . system('touch pwned-f2') . \"`touch pwned-f3`\""),
      .init(
        name: "newline, relative", text: "n\n!touch pwned-f4", shown: "n\\n!touch pwned-f4"),
    ]
  }

  /// The `pwned-*` files in `directory` (there must be none); the relative entries aim at the
  /// current directory of the test process too, checked here as well.
  static func pwned(in directory: URL) -> [String] {
    let here = FileManager.default.currentDirectoryPath
    return [directory.path, here].flatMap { path in
      ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter {
        $0.hasPrefix("pwned")
      }
    }
  }

  /// `text` as one CSV field, quoted.
  static func csvField(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
