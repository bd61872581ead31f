import EWAIO
import EWATestSupport
import Foundation
import Testing

@Suite struct NumberTextTests {
  func parse(_ text: String) -> Double? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBufferPointer { NumberText.parse(UnsafeBufferPointer($0)) }
  }

  @Test func acceptsDecimalsAndExponents() {
    #expect(parse("12.8") == 12.8)
    #expect(parse("-0.05") == -0.05)
    #expect(parse("+3") == 3)
    #expect(parse(".5") == 0.5)
    #expect(parse("5.") == 5)
    #expect(parse(" 7 ") == 7)
    #expect(parse("1e3") == 1000)
    #expect(parse("2.5E-3") == 0.0025)
    #expect(parse("0.000000000000000000000000001") == 1e-27)
    #expect(parse("12345678901234567890123") == 12345678901234567890123.0)
  }

  @Test func rejectsWhatIsNotAFiniteDecimal() {
    for text in [
      "", "-", ".", "e5", "1e", "1.2.3", "abc", "nan", "inf", "0x10", "1,5", "1e999", "12a",
    ] {
      #expect(parse(text) == nil, "\(text)")
    }
  }

  @Test func fastPathAgreesWithTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...17, using: &generator)
      let mantissa = UInt64.random(in: 0..<UInt64(pow(10, Double(digits))), using: &generator)
      let point = Int.random(in: 0...digits, using: &generator)
      var text = String(mantissa)
      text = String(repeating: "0", count: max(0, digits - text.count)) + text
      text.insert(".", at: text.index(text.startIndex, offsetBy: point))
      if Bool.random(using: &generator) {
        text += "e\(Int.random(in: -30...30, using: &generator))"
      }
      #expect(parse(text) == Double(text), "\(text)")
    }
  }

  @Test func plainDecimalsAgreeWithStrtod() {
    // The one-loop path (up to 15 digits, no exponent) and its edges: 15 and 16 digits, signs,
    // a lone point, leading zeros.
    var generator = TestRandom(seed: 0x9A25E)
    for _ in 0..<50_000 {
      let digits = Int(generator.next() % 17) + 1
      var text = (0..<digits).map { _ in String(generator.next() % 10) }.joined()
      text.insert(
        ".", at: text.index(text.startIndex, offsetBy: Int(generator.next() % 18) % (digits + 1)))
      if generator.next() % 3 == 0 { text = (generator.next() % 2 == 0 ? "-" : "+") + text }
      #expect(parse(text) == strtod(text, nil), "\(text)")
      #expect(parse(text)?.sign == strtod(text, nil).sign, "\(text)")
    }
    #expect(parse("-0")?.sign == .minus)
    #expect(parse("123456789012345.6") == 123456789012345.6)
    #expect(parse("0.1234567890123456") == 0.1234567890123456)
  }

  @Test func printsTheShortestRoundTripWithoutPointZero() {
    #expect(NumberText.format(5) == "5")
    #expect(NumberText.format(7.5) == "7.5")
    #expect(NumberText.format(-0.0) == "-0")
    #expect(NumberText.format(0.1 + 0.2) == "0.30000000000000004")
    #expect(NumberText.format(1e-7) == "1e-07")
    for value in [1 / 3.0, 2.0 / 3, 1e300, 123456.789, Double.leastNonzeroMagnitude] {
      #expect(parse(NumberText.format(value)) == value)
    }
  }

  /// The plain reference: `description` without its trailing `.0`.
  func described(_ value: Double) -> String {
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  @Test func printerMatchesDescriptionOnEdgeValues() {
    var values: [Double] = [
      0, -0.0, 1, -1, 0.1, 0.5, 9.95, 1e15, 1e16, 1e17, 123456789012345680, 1e-4, 1e-5, 1e22,
      1e23, Double.leastNonzeroMagnitude, -Double.leastNonzeroMagnitude,
      Double.leastNormalMagnitude, Double.greatestFiniteMagnitude,
      -Double.greatestFiniteMagnitude, Double.ulpOfOne, 1 + Double.ulpOfOne, 0.30000000000000004,
      Double.leastNormalMagnitude.nextDown, 9_007_199_254_740_994, 4.35, 123.45,
    ]
    for power in -30...30 { values.append(pow(10, Double(power))) }
    for value in values {
      #expect(NumberText.format(value) == described(value), "\(value)")
    }
  }

  @Test func printerMatchesDescriptionOnRandomValues() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200_000 {
      let bits = generator.next() as UInt64
      let value = Double(bitPattern: bits)
      guard value.isFinite else { continue }
      let text = NumberText.format(value)
      #expect(text == described(value), "\(bits)")
      #expect(Double(text) == value, "\(bits)")
    }
    for _ in 0..<200_000 {
      // Values like smoothed two-decimal readings: where the output's digits live.
      let value = Double.random(in: -1000...1000, using: &generator)
      #expect(NumberText.format(value) == described(value), "\(value)")
    }
  }

  @Test func appendWritesTheSameBytesAcrossBufferFlushes() throws {
    let sink = MemorySink()
    let output = OutputBuffer(sink: sink, capacity: 64)
    var expected = ""
    for k in 0..<1000 {
      let value = Double(k) / 7 - 50
      try NumberText.append(value, to: output)
      try output.append(UInt8(ascii: ","))
      expected += described(value) + ","
    }
    try output.flush()
    #expect(sink.text == expected)
  }
}
