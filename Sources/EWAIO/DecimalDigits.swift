/// Decimal digits of unsigned integers, written two at a time.
enum DecimalDigits {
  /// 10^0, 10^1, … 10^19.
  private static let powersOfTen: [UInt64] = [
    1, 10, 100, 1000, 10000, 100000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
    10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000,
    100_000_000_000_000, 1_000_000_000_000_000, 10_000_000_000_000_000,
    100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
  ]

  /// The number of decimal digits of `value` (1 for 0).
  @inline(__always)
  static func count(_ value: UInt64) -> Int {
    // log10(2) ≈ 1233 / 4096, from the bit length, then one correction.
    let bits = 64 - (value | 1).leadingZeroBitCount
    let guess = (bits &* 1233) >> 12
    return guess + (value >= powersOfTen[guess] ? 1 : 0)
  }

  /// Writes the last `count` decimal digits of `value` to `destination[0..<count]`, with leading
  /// zeros when `value` has fewer.
  @inline(__always)
  static func write(_ value: UInt64, count: Int, to destination: UnsafeMutablePointer<UInt8>) {
    var value = value
    var end = count
    while end >= 2 {
      let pair = UInt32(truncatingIfNeeded: value % 100)
      value /= 100
      // pair / 10 for pair < 100, without a division.
      let tens = (pair &* 205) >> 11
      destination[end - 2] = UInt8(truncatingIfNeeded: tens) &+ 0x30
      destination[end - 1] = UInt8(truncatingIfNeeded: pair &- tens &* 10) &+ 0x30
      end -= 2
    }
    if end == 1 { destination[0] = UInt8(truncatingIfNeeded: value % 10) &+ 0x30 }
  }
}
