/// The field delimiter given on the command line, as the one byte the CSV reader and writer use.
///
/// Hive and Spark text rows separate fields with `\x01` (Ctrl-A) unless told otherwise, and a tab
/// is awkward to type in a shell, so besides one literal character the text may be a name, a
/// backslash escape, or any byte in hexadecimal or octal:
///
/// ```
/// ,  ;  |              one ASCII character, as itself
/// tab  comma  semicolon  pipe  space  ctrl-a   a name
/// \t   \x01   \xHH   \001   \NNN               an escape (hex: two digits; octal: three)
/// ```
///
/// The quote, CR and LF are refused: they already mean something to every CSV reader.
public enum FieldDelimiter {
  /// The names accepted, and the byte each stands for.
  public static let names: [(name: String, byte: UInt8)] = [
    ("tab", 0x09), ("comma", 0x2C), ("semicolon", 0x3B), ("pipe", 0x7C), ("space", 0x20),
    ("ctrl-a", 0x01),
  ]

  /// Why a delimiter was refused: a sentence naming the text given.
  public struct Refusal: Error, Equatable, CustomStringConvertible {
    public let description: String
  }

  /// The byte that `text` stands for.
  ///
  /// - Throws: ``Refusal`` for an empty text, more than one byte (a word that is not one of the
  ///   ``names``, a character outside ASCII), a malformed escape, or the quote, CR or LF.
  public static func byte(_ text: String) throws(Refusal) -> UInt8 {
    let byte = try parse(text)
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      throw Refusal(
        description: "--delimiter cannot be the quote, CR or LF (\(MessageText.quoted(text))): "
          + "they already mean quoting and line ends in CSV")
    default: return byte
    }
  }

  private static func parse(_ text: String) throws(Refusal) -> UInt8 {
    let bytes = Array(text.utf8)
    if bytes.count == 1 { return bytes[0] }
    if let named = names.first(where: { $0.name == text.lowercased() }) { return named.byte }
    if bytes == Array("\\t".utf8) { return 0x09 }
    if bytes.count == 4, bytes[0] == UInt8(ascii: "\\"), bytes[1] | 0x20 == UInt8(ascii: "x"),
      let high = digit(bytes[2], radix: 16), let low = digit(bytes[3], radix: 16)
    {
      return high << 4 | low
    }
    if bytes.count == 4, bytes[0] == UInt8(ascii: "\\"), let a = digit(bytes[1], radix: 8),
      let b = digit(bytes[2], radix: 8), let c = digit(bytes[3], radix: 8), a < 4
    {
      return a << 6 | b << 3 | c
    }
    let spelled = names.map(\.name).joined(separator: ", ")
    throw Refusal(
      description: "--delimiter must be one byte: one ASCII character, \\t, \\xHH, \\NNN (octal) "
        + "or one of \(spelled); \(MessageText.quoted(text)) is not")
  }

  /// The value of an ASCII digit in `radix` (8 or 16), or nil.
  private static func digit(_ byte: UInt8, radix: UInt8) -> UInt8? {
    let value: UInt8
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): value = byte - UInt8(ascii: "A") + 10
    default: return nil
    }
    return value < radix ? value : nil
  }
}
