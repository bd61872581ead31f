/// Finds the first occurrence of any of three byte values, eight bytes per step.
///
/// Each 8-byte word is compared with the three values at once (SWAR, "SIMD within a register"):
/// for `x = word ^ repeated(value)`, `(x - 0x0101…01) & ~x & 0x8080…80` has its lowest set bit in
/// the first byte of `x` that is zero, that is, the first byte equal to `value` (bits above it can
/// be spurious, bits below cannot). The lowest set bit of the three masks together is the first
/// byte equal to any of them. The tail shorter than a word is scanned byte by byte.
package enum ByteSearch {
  /// The index of the first byte in `base[start..<end]` equal to `a`, `b` or `c`, or `end`.
  ///
  /// - Complexity: O(end - start), one word per step.
  @inline(__always)
  package static func first(
    _ a: UInt8, _ b: UInt8, _ c: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int
  ) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let wordA = ones &* UInt64(a)
    let wordB = ones &* UInt64(b)
    let wordC = ones &* UInt64(c)
    var i = start
    while i &+ 8 <= end {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      let x = word ^ wordA
      let y = word ^ wordB
      let z = word ^ wordC
      let found = ((x &- ones) & ~x | (y &- ones) & ~y | (z &- ones) & ~z) & highs
      if found != 0 { return i &+ found.trailingZeroBitCount &>> 3 }
      i &+= 8
    }
    return firstByteByByte(a, b, c, in: base, from: i, to: end)
  }

  /// The plain search: one byte per step (the tail of ``first(_:_:_:in:from:to:)``, and the
  /// reference its tests compare with).
  @inline(__always)
  package static func firstByteByByte(
    _ a: UInt8, _ b: UInt8, _ c: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int
  ) -> Int {
    var i = start
    while i < end {
      let byte = base[i]
      if byte == a || byte == b || byte == c { return i }
      i &+= 1
    }
    return end
  }
}
