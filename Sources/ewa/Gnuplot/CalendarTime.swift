/// Dates and times of day, read as seconds since 1970-01-01 00:00 UTC, without locale or time
/// zone (a time is taken as UTC), so the x axis of a figure is the same on every machine.
enum CalendarTime {
  /// The seconds since 1970 UTC of `YYYY-MM-DD` or `YYYY/MM/DD`, optionally followed by `T` or a
  /// space and `HH:MM[:SS[.fff]]`, optionally ending in `Z`; `nil` for anything else.
  static func seconds(from text: String) -> Double? {
    var text = Substring(text)
    if text.hasSuffix("Z") { text = text.dropLast() }
    let dateText = text.prefix(10)
    let date = dateText.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" })
    guard dateText.count == 10, date.count == 3, date[0].count == 4 else { return nil }
    guard date[1].count == 2, date[2].count == 2 else { return nil }
    guard let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]) else {
      return nil
    }
    guard (1...12).contains(month), (1...daysIn(month, year)).contains(day) else { return nil }
    var seconds = Double(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
    let rest = text.dropFirst(10)
    guard !rest.isEmpty else { return seconds }
    guard rest.first == "T" || rest.first == " " else { return nil }
    let clock = rest.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
    guard (2...3).contains(clock.count), clock[0].count == 2, clock[1].count == 2 else {
      return nil
    }
    guard let hour = Int(clock[0]), let minute = Int(clock[1]) else { return nil }
    guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
    seconds += Double(hour * 3600 + minute * 60)
    if clock.count == 3 {
      guard clock[2].count >= 2, clock[2].first?.isNumber == true, let second = Double(clock[2]),
        second >= 0, second < 61
      else { return nil }
      seconds += second
    }
    return seconds
  }

  /// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar (H. Hinnant's
  /// `days_from_civil`).
  static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func daysIn(_ month: Int, _ year: Int) -> Int {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }
}
