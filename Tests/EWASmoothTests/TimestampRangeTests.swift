import EWA
import EWAIO
import EWASmooth
import Testing

/// Instants are nanoseconds in an Int64, as pandas keeps them: a date outside 1677–2262 is refused
/// as out of range (never an overflow), and a half-life with a unit is at most 100,000 days.
@Suite struct TimestampRangeTests {
  func parse(_ text: String) -> TimeValue? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { TimeValue.parse(UnsafeBufferPointer($0)) }
  }

  @Test func theEarliestAndLatestInstantsParseAndPrintBack() {
    #expect(parse("1677-09-21T00:12:43.145224192Z") == .instant(nanoseconds: .min))
    #expect(parse("2262-04-11T23:47:16.854775807Z") == .instant(nanoseconds: .max))
    #expect(TimeValue.instant(nanoseconds: .min).description == "1677-09-21T00:12:43.145224192Z")
    #expect(TimeValue.instant(nanoseconds: .max).description == "2262-04-11T23:47:16.854775807Z")
  }

  @Test(arguments: [
    "9999-12-31", "0000-01-01", "1677-09-21T00:12:43.145224191Z", "2262-04-11T23:47:16.854775808Z",
    "2262-04-12", "1677-09-20T23:59:59", "9999-12-31T23:59:59.999999999-23:59",
    "0001-01-01T00:00+23",
  ])
  func datesOutsideTheRangeAreRefusedAsOutOfRange(_ text: String) {
    #expect(parse(text) == nil)
    #expect(TimeValue.isOutOfRange(text))
  }

  @Test func anOutOfRangeCellSaysSoAndStatesTheRange() {
    let error = SmoothError.badTimestamp(file: "a.csv", line: 2, column: "t", text: "9999-12-31")
    #expect(
      error.description
        == "a.csv, line 2, column \"t\": \"9999-12-31\" is outside the range of timestamps in "
        + "nanoseconds, 1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z")
    #expect(!TimeValue.isOutOfRange("2024-02-30"))
    #expect(!TimeValue.isOutOfRange("12"))
  }

  @Test func halfLivesAreAtMostOneHundredThousandDays() {
    #expect(TimeSpan.parse("100000d") == .nanoseconds(8_640_000_000_000_000_000))
    for text in ["100001d", "1e30d", "1e300w", "1e-12s", "0.0000001ms"] {
      #expect(TimeSpan.parse(text) == nil, "\(text)")
    }
    #expect(TimeSpan.parse("1e300") == .plain(1e300))
  }

  @Test func aPlainHalfLifeWithHugeTimestampsStaysFinite() throws {
    let span = try #require(TimeSpan.parse("1e-300"))
    let elapsed = try #require(span.elapsed(from: .number(-1e308), to: .number(1e308)))
    #expect(elapsed == .infinity)
    var average = ExponentialAverage<Double>(beta: 0.5)
    average.update(with: 3)
    average.update(with: 5, elapsed: elapsed)
    #expect(average.corrected == 5)
  }
}
