import EWAIO
import EWASmooth
import Testing

@Suite struct TimeValueTests {
  func parse(_ text: String) -> TimeValue? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { TimeValue.parse(UnsafeBufferPointer($0)) }
  }

  static let day: Int64 = 86_400 * 1_000_000_000

  @Test func datesAndDateTimes() {
    #expect(parse("1970-01-01") == .instant(nanoseconds: 0))
    #expect(parse("1970/01/02") == .instant(nanoseconds: Self.day))
    #expect(parse("2012-01-01") == .instant(nanoseconds: 15340 * Self.day))
    #expect(
      parse("2000-02-29T12:30") == .instant(nanoseconds: (11016 * 86_400 + 45_000) * 1_000_000_000))
    #expect(parse("1970-01-01 00:00:01.5") == .instant(nanoseconds: 1_500_000_000))
    #expect(parse("1970-01-01T01:00:00+01:00") == .instant(nanoseconds: 0))
    #expect(parse("1970-01-01T00:00:00Z") == .instant(nanoseconds: 0))
    #expect(parse("1969-12-31") == .instant(nanoseconds: -Self.day))
    #expect(parse("1700") == .number(1700))
    #expect(parse("12.5") == .number(12.5))
  }

  @Test func rejectsImpossibleDates() {
    for text in [
      "2023-02-29", "2024-13-01", "2024-01-32", "2024-1-1", "2024-01-01T25:00", "2024-01-01x", "",
    ] {
      #expect(parse(text) == nil, "\(text)")
    }
  }

  @Test func describesInstantsInISOForm() {
    #expect(
      TimeValue.instant(nanoseconds: 15340 * Self.day + 1_500_000_000).description
        == "2012-01-01T00:00:01.500000000Z")
    #expect(TimeValue.instant(nanoseconds: -Self.day).description == "1969-12-31T00:00:00Z")
  }

  @Test func halfLives() {
    #expect(TimeSpan.parse("90s") == .nanoseconds(90_000_000_000))
    #expect(TimeSpan.parse("30min") == .nanoseconds(1_800_000_000_000))
    #expect(TimeSpan.parse("6h") == .nanoseconds(21_600_000_000_000))
    #expect(TimeSpan.parse("4d") == .nanoseconds(4 * Self.day))
    #expect(TimeSpan.parse("1.5d") == .nanoseconds(3 * Self.day / 2))
    #expect(TimeSpan.parse("250ms") == .nanoseconds(250_000_000))
    #expect(TimeSpan.parse("12") == .plain(12))
    for text in ["0s", "-1h", "h", "6x", "", "1e999"] {
      #expect(TimeSpan.parse(text) == nil, "\(text)")
    }
  }

  @Test func elapsedIsInHalfLives() {
    let hl = TimeSpan.nanoseconds(2 * Self.day)
    #expect(hl.elapsed(from: .instant(nanoseconds: 0), to: .instant(nanoseconds: Self.day)) == 0.5)
    #expect(TimeSpan.plain(4).elapsed(from: .number(1), to: .number(7)) == 1.5)
    #expect(TimeSpan.nanoseconds(60_000_000_000).elapsed(from: .number(0), to: .number(90)) == 1.5)
    #expect(
      TimeSpan.plain(4).elapsed(from: .instant(nanoseconds: 0), to: .instant(nanoseconds: 1)) == nil
    )
  }
}
