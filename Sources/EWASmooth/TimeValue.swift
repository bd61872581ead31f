import EWAIO

/// A value of the `--time` column: an instant (ISO-8601 date or date-time, or `YYYY/MM/DD`), kept
/// in nanoseconds since 1970-01-01T00:00Z like pandas' `datetime64[ns]`, or a plain number in the
/// column's own unit.
public enum TimeValue: Codable, Equatable, Sendable {
  case instant(nanoseconds: Int64)
  case number(Double)

  /// Parses a timestamp cell, or returns nil if it is neither a date/date-time nor a number.
  ///
  /// Accepted date-times: `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by `T` or a space and
  /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`, optionally followed by `Z` or an offset
  /// `±HH:MM`/`±HHMM`/`±HH`. Without an offset the time is taken as UTC.
  /// A date-time outside ``instantRange`` is not a timestamp (see ``isOutOfRange(_:)``).
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> TimeValue? {
    let text = NumberText.trimmed(bytes)
    switch parseInstant(text) {
    case .instant(let nanoseconds): return .instant(nanoseconds: nanoseconds)
    case .outOfRange: return nil
    case .notAnInstant: break
    }
    if let number = NumberText.parse(text) { return .number(number) }
    return nil
  }

  /// The instants a nanosecond count since 1970 holds (pandas' `Timestamp.min` and `Timestamp.max`).
  public static let instantRange =
    "1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z"

  /// Whether `bytes` is a well-formed date or date-time outside ``instantRange``, such as
  /// `9999-12-31`.
  public static func isOutOfRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if case .outOfRange = parseInstant(NumberText.trimmed(bytes)) { return true }
    return false
  }

  /// Whether `text` is a well-formed date or date-time outside ``instantRange``.
  public static func isOutOfRange(_ text: String) -> Bool {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { isOutOfRange(UnsafeBufferPointer($0)) }
  }

  private enum InstantParse {
    case instant(Int64)
    case outOfRange
    case notAnInstant
  }

  private static func parseInstant(_ text: UnsafeBufferPointer<UInt8>) -> InstantParse {
    var i = 0
    func digits(_ count: Int) -> Int? {
      guard i + count <= text.count else { return nil }
      var value = 0
      for k in i..<(i + count) {
        let digit = text[k] &- 48
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
      }
      i += count
      return value
    }
    func accept(_ byte: UInt8) -> Bool {
      guard i < text.count, text[i] == byte else { return false }
      i += 1
      return true
    }
    guard let year = digits(4), i < text.count else { return .notAnInstant }
    let separator = text[i]
    guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") else {
      return .notAnInstant
    }
    i += 1
    guard let month = digits(2), accept(separator), let day = digits(2) else {
      return .notAnInstant
    }
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
      return .notAnInstant
    }
    var seconds = Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400
    var fraction: Int64 = 0
    if i < text.count {
      guard accept(UInt8(ascii: "T")) || accept(UInt8(ascii: " ")) else { return .notAnInstant }
      guard let hour = digits(2), hour < 24, accept(UInt8(ascii: ":")), let minute = digits(2),
        minute < 60
      else { return .notAnInstant }
      var second = 0
      if accept(UInt8(ascii: ":")) {
        guard let s = digits(2), s < 61 else { return .notAnInstant }
        second = s
        if accept(UInt8(ascii: ".")) || accept(UInt8(ascii: ",")) {
          var scale: Int64 = 100_000_000
          var count = 0
          while i < text.count, text[i] &- 48 < 10 {
            fraction += Int64(text[i] &- 48) * scale
            scale /= 10
            count += 1
            i += 1
          }
          guard count > 0 else { return .notAnInstant }
        }
      }
      seconds += Int64(hour * 3600 + minute * 60 + second)
      if accept(UInt8(ascii: "Z")) {
      } else if i < text.count, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
        let sign: Int64 = text[i] == UInt8(ascii: "+") ? 1 : -1
        i += 1
        guard let offsetHours = digits(2) else { return .notAnInstant }
        var offsetMinutes = 0
        if accept(UInt8(ascii: ":")) || i < text.count {
          guard let m = digits(2) else { return .notAnInstant }
          offsetMinutes = m
        }
        seconds -= sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
      }
    }
    guard i == text.count else { return .notAnInstant }
    // Year 0000 to 9999 in seconds fits easily; in nanoseconds, only about 1677 to 2262 does.
    // Before 1970 a fraction is taken from the next second up, so that the earliest instant,
    // whose whole seconds alone would not fit, still does.
    let (whole, part) =
      seconds < 0 && fraction > 0 ? (seconds + 1, fraction - 1_000_000_000) : (seconds, fraction)
    let (scaled, overflow) = whole.multipliedReportingOverflow(by: 1_000_000_000)
    let (total, carry) = scaled.addingReportingOverflow(part)
    return overflow || carry ? .outOfRange : .instant(total)
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}

extension TimeValue {
  /// Whether this time is strictly before `other` (false for an instant and a number, which
  /// do not compare).
  public func isBefore(_ other: TimeValue) -> Bool {
    switch (self, other) {
    case (.instant(let a), .instant(let b)): a < b
    case (.number(let a), .number(let b)): a < b
    default: false
    }
  }
}

extension TimeValue: CustomStringConvertible {
  /// An instant as `YYYY-MM-DDTHH:MM:SS[.fffffffff]Z`, a number as its shortest text.
  public var description: String {
    switch self {
    case .number(let value):
      return NumberText.format(value)
    case .instant(let nanoseconds):
      let (seconds, fraction) = nanoseconds.quotientAndRemainder(dividingBy: 1_000_000_000)
      let adjusted = fraction < 0 ? (seconds - 1, fraction + 1_000_000_000) : (seconds, fraction)
      let (days, secondOfDay) = adjusted.0.quotientAndRemainder(dividingBy: 86_400)
      let (day, second) = secondOfDay < 0 ? (days - 1, secondOfDay + 86_400) : (days, secondOfDay)
      let (year, month, dayOfMonth) = Self.civil(fromDays: Int(day))
      func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
      var text = "\(year)-\(two(Int64(month)))-\(two(Int64(dayOfMonth)))T"
      text += "\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))"
      if adjusted.1 > 0 {
        let digits = String(adjusted.1)
        text += "." + String(repeating: "0", count: 9 - digits.count) + digits
      }
      return text + "Z"
    }
  }

  /// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's
  /// `civil_from_days`).
  private static func civil(fromDays days: Int) -> (Int, Int, Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
