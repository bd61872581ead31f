/// Makes untrusted text safe to show inside a one-line error message.
///
/// Every value that came from input (a CSV cell or header, a file name, an option's value, a field
/// of a saved file) goes through this one function before it reaches a message, so that:
///
/// - control characters (newline, carriage return, escape, delete, C1 controls) and invisible
///   ones (byte-order mark, zero-width and bidirectional marks, line and paragraph separators)
///   appear escaped (`\n`, `\u{FEFF}`), never raw on the terminal;
/// - bytes that are not valid UTF-8 appear as `\xHH`;
/// - the quote and the backslash themselves are escaped, so the quoted text is unambiguous;
/// - text longer than `limit` characters is cut, with an ellipsis and its full length in bytes
///   (`"aaaa…" (5000000 bytes)`).
///
/// ```
/// MessageText.quoted("abc")            // "abc"   (with the quotes)
/// MessageText.quoted("a\u{1B}[31mb")   // "a\u{1B}[31mb"
/// ```
public enum MessageText {
  /// The number of characters kept of a long value.
  public static let defaultLimit = 80

  /// `text` escaped and shortened, in double quotes, with its length when it was cut.
  public static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
    quoted(bytes: Array(text.utf8), limit: limit)
  }

  /// Raw bytes (which need not be UTF-8) escaped and shortened, in double quotes.
  public static func quoted<Bytes: Collection<UInt8>>(bytes: Bytes, limit: Int = defaultLimit)
    -> String
  {
    let (body, cut) = escaped(bytes: bytes, limit: limit)
    return "\"" + body + "\"" + (cut ? " (\(bytes.count) bytes)" : "")
  }

  /// `text` escaped and shortened without surrounding quotes (for names inside a sentence, such
  /// as a file name); a cut text ends with `…` and its length.
  public static func inline(_ text: String, limit: Int = defaultLimit) -> String {
    let bytes = Array(text.utf8)
    let (body, cut) = escaped(bytes: bytes, limit: limit)
    return cut ? body + " (\(bytes.count) bytes)" : body
  }

  /// `text` with every hidden or control character escaped as in ``quoted(_:limit:)``, but not
  /// cut and with quotes and backslashes left as they are: for a whole message that must stay on
  /// one line and must not drive the terminal.
  public static func escapingControls(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar == "\"" || scalar == "\\"
        || !isHidden(scalar) && scalar != "\n" && scalar != "\r"
          && scalar != "\t"
      {
        out.unicodeScalars.append(scalar)
      } else {
        out += escape(scalar)
      }
    }
    return out
  }

  /// Where ``text(preserving:)`` keeps an invalid byte: U+10FF00 plus the byte, in the last
  /// private-use plane.
  static let invalidByteMarkers: ClosedRange<UInt32> = 0x10FF00...0x10FFFF

  /// Bytes from input as text for a message that keeps what is not UTF-8: each invalid byte
  /// becomes a private-use marker that ``quoted(_:limit:)`` and ``inline(_:limit:)`` show as
  /// `\xHH` (where `String(decoding:as:)` would show an indistinct `�`).
  public static func text<Bytes: Collection<UInt8>>(preserving bytes: Bytes) -> String {
    var out = String.UnicodeScalarView()
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let (scalar, next) = decode(bytes, at: index)
      out.append(scalar ?? Unicode.Scalar(invalidByteMarkers.lowerBound + UInt32(bytes[index]))!)
      index = next
    }
    return String(out)
  }

  /// The escaped text and whether it was cut.
  static func escaped<Bytes: Collection<UInt8>>(bytes: Bytes, limit: Int) -> (String, Bool) {
    var out = ""
    var shown = 0
    var index = bytes.startIndex
    while index != bytes.endIndex {
      if shown >= limit {
        return (out + "…", true)
      }
      let (scalar, next) = decode(bytes, at: index)
      if let scalar {
        out += escape(scalar)
      } else {
        out += hex(bytes[index])
      }
      index = next
      shown += 1
    }
    return (out, false)
  }

  /// One scalar as it appears in a message.
  static func escape(_ scalar: Unicode.Scalar) -> String {
    if invalidByteMarkers.contains(scalar.value) {
      return hex(UInt8(scalar.value - invalidByteMarkers.lowerBound))
    }
    switch scalar {
    case "\n": return "\\n"
    case "\r": return "\\r"
    case "\t": return "\\t"
    case "\"": return "\\\""
    case "\\": return "\\\\"
    default: break
    }
    if isHidden(scalar) {
      return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
    return String(Character(scalar))
  }

  /// Whether `scalar` is a control character, or a character that draws nothing or reorders the
  /// text around it (also what ``GnuplotText`` in EWAPlot writes as an escape).
  public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
    switch value {
    case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0:
      return true
    case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x206F, 0xFE00...0xFE0F, 0xFFF0...0xFFFB,
      0xE0000...0xE0FFF:
      return true
    default:
      return scalar.properties.generalCategory == .format
        || scalar.properties.generalCategory == .unassigned
        || scalar.properties.generalCategory == .privateUse
        || scalar.properties.generalCategory == .surrogate
    }
  }

  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
  }

  /// Decodes one UTF-8 scalar at `index`: the scalar (or `nil` for an invalid byte, which then
  /// counts alone) and the index after it.
  static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, at index: Bytes.Index)
    -> (Unicode.Scalar?, Bytes.Index)
  {
    let first = bytes[index]
    let next = bytes.index(after: index)
    if first < 0x80 { return (Unicode.Scalar(first), next) }
    let length: Int
    var value: UInt32
    switch first {
    case 0xC2...0xDF: (length, value) = (2, UInt32(first & 0x1F))
    case 0xE0...0xEF: (length, value) = (3, UInt32(first & 0x0F))
    case 0xF0...0xF4: (length, value) = (4, UInt32(first & 0x07))
    default: return (nil, next)
    }
    var cursor = next
    for _ in 1..<length {
      guard cursor != bytes.endIndex, bytes[cursor] & 0xC0 == 0x80 else { return (nil, next) }
      value = value << 6 | UInt32(bytes[cursor] & 0x3F)
      cursor = bytes.index(after: cursor)
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid.
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= minimum, let scalar = Unicode.Scalar(value) else { return (nil, next) }
    return (scalar, cursor)
  }
}
