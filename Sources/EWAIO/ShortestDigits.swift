/// The shortest decimal digits that read back as a given `Double`: the digits `description`
/// prints.
///
/// For a positive finite `v` it finds the decimal `d × 10^e` with the fewest digits inside `v`'s
/// rounding interval (the reals that round to `v`; its ends belong to it when `v`'s significand
/// is even), and among equally short ones the closest to `v`. This is Giulietti's Schubfach
/// algorithm ("The Schubfach way to render doubles", 2021): one 128-bit multiplication by a
/// power of ten per bound, each rounded to odd so that comparisons with candidates stay exact.
///
/// ```
/// ShortestDigits.decimal(0.3)  // (digits: 3, exponent: -1)
/// ShortestDigits.decimal(1e23)  // (digits: 1, exponent: 23)
/// ```
enum ShortestDigits {
  /// The decimal `digits × 10^exponent` for a positive finite `value`, `digits` without trailing
  /// zeros (at most 17 digits).
  ///
  /// - Complexity: O(1): three 64 × 128-bit products and a few comparisons.
  @inline(__always)
  static func decimal(_ value: Double) -> (digits: UInt64, exponent: Int) {
    let bits = value.bitPattern
    let fraction = bits & (1 << 52 - 1)
    let biased = Int(truncatingIfNeeded: bits >> 52) & 0x7FF
    let c = biased == 0 ? fraction : fraction | 1 << 52
    let q = biased == 0 ? -1074 : biased - 1075
    // An integer below 2^53 is its own shortest text.
    if q < 0, q > -53, c & (1 << UInt64(-q) - 1) == 0 {
      return withoutTrailingZeros(c >> UInt64(-q), 0)
    }
    let (digits, exponent) = closest(c, q)
    return withoutTrailingZeros(digits, exponent)
  }

  /// Schubfach proper: the shortest (then closest) decimal in the rounding interval of `c × 2^q`.
  @inline(__always)
  private static func closest(_ c: UInt64, _ q: Int) -> (UInt64, Int) {
    let out: UInt64 = c & 1
    let cb = c << 2
    let cbr = cb + 2
    let cbl: UInt64
    let k: Int
    // At a power of two (other than the smallest normal) the interval below is half as wide.
    if c != 1 << 52 || q == -1074 {
      cbl = cb - 2
      k = floorLog10Pow2(q)
    } else {
      cbl = cb - 1
      k = floorLog10ThreeQuartersPow2(q)
    }
    let h = UInt64(q + floorLog2Pow10(-k) + 2)
    let index = 2 * (k - minimumK)
    let g1 = powers[index]
    let g0 = powers[index + 1]
    // The value and the interval's ends, times 4 × 10^-k, rounded to odd.
    let vb = roundToOdd(g1, g0, cb << h)
    let vbl = roundToOdd(g1, g0, cbl << h)
    let vbr = roundToOdd(g1, g0, cbr << h)
    let s = vb >> 2
    // One digit fewer: the interval is narrower than 10 units, so it holds at most one multiple
    // of ten, and then that one is the shortest.
    let sp10 = s / 10 * 10
    let tp10 = sp10 + 10
    let upin = vbl + out <= sp10 << 2
    let wpin = (tp10 << 2) + out <= vbr
    if upin != wpin { return (upin ? sp10 : tp10, k) }
    // Full length: s or s + 1, whichever is inside; if both, the closer (even on a tie).
    let t = s + 1
    let uin = vbl + out <= s << 2
    let win = (t << 2) + out <= vbr
    if uin != win { return (uin ? s : t, k) }
    let twiceMidpoint = (s + t) << 1
    let pickS = vb < twiceMidpoint || (vb == twiceMidpoint && s & 1 == 0)
    return (pickS ? s : t, k)
  }

  /// `g × cp / 2^127` rounded to odd, where g = g1 × 2^63 + g0.
  @inline(__always)
  private static func roundToOdd(_ g1: UInt64, _ g0: UInt64, _ cp: UInt64) -> UInt64 {
    let mask: UInt64 = 1 << 63 - 1
    let x1 = g0.multipliedFullWidth(by: cp).high
    let (y1, y0) = g1.multipliedFullWidth(by: cp)
    let z = (y0 >> 1) &+ x1
    let vbp = y1 &+ (z >> 63)
    return vbp | ((z & mask) &+ mask) >> 63
  }

  /// Removes trailing zeros eight, four, two and one at a time (at most 16 of them).
  @inline(__always)
  private static func withoutTrailingZeros(_ digits: UInt64, _ exponent: Int) -> (UInt64, Int) {
    var (digits, exponent) = (digits, exponent)
    while digits % 100_000_000 == 0 { (digits, exponent) = (digits / 100_000_000, exponent + 8) }
    if digits % 10_000 == 0 { (digits, exponent) = (digits / 10_000, exponent + 4) }
    if digits % 100 == 0 { (digits, exponent) = (digits / 100, exponent + 2) }
    if digits % 10 == 0 { (digits, exponent) = (digits / 10, exponent + 1) }
    return (digits, exponent)
  }

  /// ⌊q log10 2⌋ for |q| ≤ 5456 (checked by the table's generator over every q used).
  @inline(__always)
  static func floorLog10Pow2(_ q: Int) -> Int { (q &* 661_971_961_083) >> 41 }

  /// ⌊q log10 2 - log10(4/3)⌋ over the same range.
  @inline(__always)
  static func floorLog10ThreeQuartersPow2(_ q: Int) -> Int {
    (q &* 661_971_961_083 &- 274_743_187_321) >> 41
  }

  /// ⌊e log2 10⌋ for |e| ≤ 400.
  @inline(__always)
  static func floorLog2Pow10(_ e: Int) -> Int { (e &* 913_124_641_741) >> 38 }
}
