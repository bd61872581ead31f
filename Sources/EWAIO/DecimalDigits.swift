/// Decimal digits of unsigned integers, written two at a time from a table of pairs.
package enum DecimalDigits {
  /// "00", "01", … "99": the pair for n at offset 2n (a constant in the binary, no setup).
  private static let pairs: StaticString = """
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899
    """

  /// 10^0, 10^1, … 10^19.
  private static let powersOfTen: [UInt64] = [
    1, 10, 100, 1000, 10000, 100000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
    10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000,
    100_000_000_000_000, 1_000_000_000_000_000, 10_000_000_000_000_000,
    100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
  ]

  /// The number of decimal digits of `value` (1 for 0).
  @inline(__always)
  package static func count(_ value: UInt64) -> Int {
    // log10(2) ≈ 1233 / 4096, from the bit length, then one correction. Setting the low bit
    // changes no count (10^k - 1 is odd) and makes 0 count as 1.
    let value = value | 1
    let bits = 64 - value.leadingZeroBitCount
    let guess = (bits &* 1233) >> 12
    return guess + (value >= powersOfTen[guess] ? 1 : 0)
  }

  /// Writes the last `count` decimal digits of `value` to `destination[0..<count]`, with leading
  /// zeros when `value` has fewer.
  ///
  /// - Complexity: blocks of eight digits without a division (``writeEight(_:to:)``), then pairs
  ///   in 32-bit arithmetic.
  @inline(__always)
  package static func write(
    _ value: UInt64, count: Int, to destination: UnsafeMutablePointer<UInt8>
  ) {
    var value = value
    var end = count
    while end >= 8 {
      writeEight(UInt32(truncatingIfNeeded: value % 100_000_000), to: destination + end - 8)
      value /= 100_000_000
      end -= 8
    }
    var rest = UInt32(truncatingIfNeeded: value)
    while end >= 2 {
      writePair(rest % 100, to: destination + end - 2)
      rest /= 100
      end -= 2
    }
    if end == 1 { destination[0] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30 }
  }

  /// Writes the eight digits of `value` < 10^8 (with leading zeros).
  ///
  /// `value × ⌈2^57 / 10^6⌉` holds `value / 10^6` above bit 57 and the rest as a binary fraction
  /// below it; each multiplication of the fraction by 100 brings the next pair above bit 57. The
  /// rounding up errs by less than 10^8 / 2^57 < 10^-9, too little to reach the next digit
  /// (checked for every value below 10^8 by `_EWATextBench verify`).
  @inline(__always)
  package static func writeEight(_ value: UInt32, to destination: UnsafeMutablePointer<UInt8>) {
    let mask: UInt64 = 1 << 57 - 1
    var y = UInt64(value) &* 144_115_188_076
    writePair(UInt32(truncatingIfNeeded: y >> 57), to: destination)
    y = (y & mask) &* 100
    writePair(UInt32(truncatingIfNeeded: y >> 57), to: destination + 2)
    y = (y & mask) &* 100
    writePair(UInt32(truncatingIfNeeded: y >> 57), to: destination + 4)
    y = (y & mask) &* 100
    writePair(UInt32(truncatingIfNeeded: y >> 57), to: destination + 6)
  }

  @inline(__always)
  private static func writePair(_ pair: UInt32, to destination: UnsafeMutablePointer<UInt8>) {
    let source = UnsafeRawPointer(pairs.utf8Start + Int(pair) &* 2)
    UnsafeMutableRawPointer(destination).storeBytes(
      of: source.loadUnaligned(as: UInt16.self), as: UInt16.self)
  }
}
