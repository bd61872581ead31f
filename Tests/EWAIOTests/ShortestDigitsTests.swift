import EWAIO
import EWATestSupport
import Foundation
import Testing

/// The fast shortest-digits printer (`NumberText.write`) against the plain one, Swift's
/// `description`, on a fixed count of seeded random and edge-case doubles.
@Suite struct ShortestDigitsTests {
  /// The seed: `EWA_TEST_SEED` when set (to replay a failure), otherwise from the clock.
  static let seed: UInt64 = {
    if let text = ProcessInfo.processInfo.environment["EWA_TEST_SEED"], let seed = UInt64(text) {
      return seed
    }
    return UInt64(Date().timeIntervalSince1970 * 1000)
  }()

  /// Checks `value`; returns 1 on a mismatch.
  func mismatches(_ value: Double) -> Int {
    let printed = NumberText.format(value)
    let expected = NumberText.formatByDescription(value)
    if printed == expected { return 0 }
    Issue.record("\(value.bitPattern): \(printed) instead of \(expected) (seed \(Self.seed))")
    return 1
  }

  @Test func randomBitPatterns() {
    print("ShortestDigitsTests seed \(Self.seed) (set EWA_TEST_SEED to replay)")
    var generator = TestRandom(seed: Self.seed)
    var failures = 0
    for _ in 0..<300_000 where failures < 10 {
      let value = Double(bitPattern: generator.next())
      if value.isFinite { failures += mismatches(value) }
    }
  }

  @Test func sensorLikeDecimals() {
    var generator = TestRandom(seed: Self.seed ^ 0x5EED)
    let scales: [Double] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]
    var failures = 0
    for _ in 0..<150_000 where failures < 10 {
      // A reading with 0 to 6 decimals, like 18.24, and its smoothed neighbours.
      let scale = scales[Int(generator.next() % 7)]
      let units = Double(Int64(generator.next() % 20_000_000) - 10_000_000)
      let reading = units / scale
      failures += mismatches(reading)
      failures += mismatches(-reading.nextUp)
    }
  }

  @Test func powersOfTwoAndTenAndTheirNeighbours() {
    var failures = 0
    for exponent in -1074...1023 where failures < 10 {
      let power = Double(sign: .plus, exponent: exponent, significand: 1)
      for value in [power, power.nextDown, -power.nextUp] where value.isFinite && value != 0 {
        failures += mismatches(value)
      }
    }
    for exponent in -323...308 where failures < 10 {
      let power = Double("1e\(exponent)")!
      for value in [power, power.nextDown, power.nextUp] { failures += mismatches(value) }
    }
  }

  @Test func subnormalsNormalBoundaryAndExtremes() {
    var failures = 0
    let leastNormal = Double.leastNormalMagnitude.bitPattern
    let greatest = Double.greatestFiniteMagnitude.bitPattern
    for offset in UInt64(0)..<20_000 where failures < 10 {
      failures += mismatches(Double(bitPattern: 1 + offset))
      failures += mismatches(-Double(bitPattern: leastNormal - 10_000 + offset))
      failures += mismatches(Double(bitPattern: greatest - offset))
    }
  }

  @Test func integersUpToTwoToThe53AndTheLayoutSwitches() {
    var generator = TestRandom(seed: Self.seed ^ 0x1275)
    var failures = 0
    for _ in 0..<30_000 where failures < 10 {
      let bits = Int(generator.next() % 54)
      failures += mismatches(Double(generator.next() >> UInt64(64 - max(bits, 1))))
    }
    // Around 2^53 (where the exponent form starts) and 0.0001 (where it stops below).
    for value in [
      0x1p53, 1e-4, 1e16, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0, 123456789012345680,
    ] {
      for neighbour in [value.nextDown, value, value.nextUp]
      where neighbour >= 0 && neighbour.isFinite {
        failures += mismatches(neighbour)
      }
    }
    for special in [Double.infinity, -.infinity, .nan, -.nan] {
      #expect(NumberText.format(special) == special.description)
    }
    #expect(NumberText.format(-0.0) == "-0")
    #expect(NumberText.format(0x1p53) == "9007199254740992")
    #expect(NumberText.format(0x1p53 + 2) == "9.007199254740994e+15")
    #expect(NumberText.format(1e-5) == "1e-05")
    #expect(NumberText.format(.leastNonzeroMagnitude) == "5e-324")
    #expect(NumberText.format(.greatestFiniteMagnitude) == "1.7976931348623157e+308")
    #expect(failures == 0)
  }
}

/// The digit writer against `String(_:)` (every block of eight: `_EWATextBench verify`).
@Suite struct DecimalDigitsTests {
  func written(_ value: UInt64, count: Int) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
      DecimalDigits.write(value, count: count, to: buffer.baseAddress!)
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
    }
  }

  @Test func writesEveryLengthWithLeadingZeros() {
    var generator = TestRandom(seed: 0xD161_75)
    for _ in 0..<100_000 {
      let value = generator.next() >> (generator.next() % 64)
      let count = DecimalDigits.count(value)
      #expect(count == String(value).count, "\(value)")
      #expect(written(value, count: count) == String(value))
      let padded = min(count + Int(generator.next() % 3), 20)
      #expect(
        written(value, count: padded) == String(repeating: "0", count: padded - count)
          + String(value))
    }
    for block in stride(from: UInt32(0), to: 100_000_000, by: 9_973) {
      #expect(
        written(UInt64(block), count: 8) == String(repeating: "0", count: 8 - String(block).count)
          + String(block))
    }
    #expect(written(99_999_999, count: 8) == "99999999")
    #expect(written(0, count: 1) == "0")
  }
}
