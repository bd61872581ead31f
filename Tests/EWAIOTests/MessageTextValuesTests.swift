import EWAIO
import Testing

@Suite struct MessageTextValuesTests {
  @Test func aDecimalTooLargeIsOutOfRangeAndOtherTextIsNotANumber() {
    #expect(MessageText.notANumber("1e400") == "\"1e400\" is out of the range of a double")
    #expect(
      MessageText.notANumber(" -2.5E+999\t") == "\" -2.5E+999\\t\" is out of the range of a double")
    #expect(MessageText.notANumber("abc") == "\"abc\" is not a number")
    #expect(MessageText.notANumber("inf") == "\"inf\" is not a number")
    #expect(MessageText.notANumber("1e-400") == "\"1e-400\" is not a number")
    #expect(!MessageText.isOutOfRange("1e308"))
    #expect(MessageText.isOutOfRange("2e308"))
    #expect(!MessageText.isOutOfRange("e400"))
  }

  @Test func aListIsQuotedCutAndCounted() {
    #expect(MessageText.list(["a", "b\nc"]) == "\"a\", \"b\\nc\"")
    let many = (1...20).map { "c\($0)" }
    #expect(MessageText.list(many, shown: 3) == "\"c1\", \"c2\", \"c3\", … (20 in all)")
    let long = MessageText.list([String(repeating: "x", count: 5_000_000)])
    #expect(long.utf8.count < 80)
    #expect(long.hasSuffix("(5000000 bytes)"))
  }
}
