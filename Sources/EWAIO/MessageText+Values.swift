extension MessageText {
  /// Why `text` is not a usable number, quoted: `"1e400" is out of the range of a double` for a
  /// well-formed decimal too large for a `Double`, else `"abc" is not a number`.
  public static func notANumber(_ text: String) -> String {
    quoted(text) + (isOutOfRange(text) ? " is out of the range of a double" : " is not a number")
  }

  /// Whether `text` is a decimal number (`[+-]digits[.digits][e[+-]digits]`, blanks around)
  /// whose value overflows a `Double` to infinity.
  public static func isOutOfRange(_ text: String) -> Bool {
    let trimmed = text.trimmingBlanks
    let allowed = trimmed.utf8.allSatisfy { byte in
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
        || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+")
        || byte == UInt8(ascii: "-")
    }
    guard allowed, trimmed.utf8.contains(where: { (48...57).contains($0) }),
      let value = Double(trimmed)
    else { return false }
    return value.isInfinite
  }

  /// Names such as column headers, each quoted, at most `shown` of them, then how many there
  /// are: `"a", "b", "c", … (12 in all)`. A 5 MB header stays a short message.
  public static func list(_ names: [String], shown: Int = 12) -> String {
    let head = names.prefix(shown).map { quoted($0, limit: 40) }.joined(separator: ", ")
    return names.count > shown ? head + ", … (\(names.count) in all)" : head
  }
}

extension String {
  /// Without leading and trailing spaces and tabs.
  fileprivate var trimmingBlanks: Substring {
    var text = self[...]
    while text.first == " " || text.first == "\t" { text.removeFirst() }
    while text.last == " " || text.last == "\t" { text.removeLast() }
    return text
  }
}
