#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decimal numbers in CSV cells: parsing to a correctly rounded `Double`, and printing the shortest
/// text that reads back as the same `Double`.
///
/// Accepted: `[+-]digits[.digits][(e|E)[+-]digits]` (digits on at least one side of the point),
/// with surrounding blanks. Not accepted: `inf`, `nan`, hexadecimal, or anything overflowing to
/// infinity. Printing drops the `.0` of integral values, so 5.0 prints as `5` and 7.5 as `7.5`.
public enum NumberText {
  /// `bytes` without leading and trailing spaces and tabs.
  @inlinable
  public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// Parses a decimal number, or returns nil if `bytes` is not one.
  ///
  /// - Complexity: O(n). A plain decimal of up to 15 digits (`-18.24`, no exponent, no blanks)
  ///   takes one tight loop; other short decimals (up to 19 digits, exponent within ±22) an exact
  ///   path; the rest go through `strtod` after the grammar has been checked here.
  @inline(__always)
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    if let value = parsePlainDecimal(bytes) { return value }
    return parseAnyDecimal(bytes)
  }

  /// `[+-]digits[.digits]` with at most 15 digits (below 2^53, so exact), as mantissa / 10^k
  /// with k ≤ 15: one correctly rounded division (Clinger 1990). Nil for anything else, which
  /// ``parseAnyDecimal(_:)`` then decides.
  @inline(__always)
  static func parsePlainDecimal(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let base = text.baseAddress else { return nil }
    let n = text.count
    guard n > 0, n <= 17 else { return nil }
    var i = 0
    let negative = base[0] == UInt8(ascii: "-")
    if negative || base[0] == UInt8(ascii: "+") { i = 1 }
    let firstDigit = i
    var mantissa: UInt64 = 0
    while i < n {
      let digit = base[i] &- 48
      if digit >= 10 { break }
      mantissa = mantissa &* 10 &+ UInt64(digit)
      i += 1
    }
    var digits = i - firstDigit
    var decimals = 0
    if i < n {
      guard base[i] == UInt8(ascii: ".") else { return nil }
      i += 1
      let fractionStart = i
      while i < n {
        let digit = base[i] &- 48
        if digit >= 10 { return nil }
        mantissa = mantissa &* 10 &+ UInt64(digit)
        i += 1
      }
      decimals = i - fractionStart
      digits += decimals
    }
    guard digits > 0, digits <= 15 else { return nil }
    let magnitude = Double(mantissa) / exactPowersOfTen[decimals]
    return negative ? -magnitude : magnitude
  }

  /// The complete grammar: blanks, exponents, long mantissas (see ``parse(_:)``).
  static func parseAnyDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let text = trimmed(bytes)
    let n = text.count
    var i = 0
    var negative = false
    if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
      negative = text[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var significant = 0
    var exponent = 0
    var exact = true
    while i < n, text[i] &- 48 < 10 {
      accumulate(text[i] &- 48, &mantissa, &significant, &exact)
      if significant > 19 { exponent += 1 }
      digits += 1
      i += 1
    }
    if i < n, text[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, text[i] &- 48 < 10 {
        accumulate(text[i] &- 48, &mantissa, &significant, &exact)
        if significant <= 19 { exponent -= 1 }
        digits += 1
        i += 1
      }
    }
    guard digits > 0 else { return nil }
    if i < n, text[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      var negativeExponent = false
      if i < n, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
        negativeExponent = text[i] == UInt8(ascii: "-")
        i += 1
      }
      var value = 0
      var exponentDigits = 0
      while i < n, text[i] &- 48 < 10 {
        if value < 100_000 { value = value * 10 + Int(text[i] &- 48) }
        exponentDigits += 1
        i += 1
      }
      guard exponentDigits > 0 else { return nil }
      exponent += negativeExponent ? -value : value
    }
    guard i == n else { return nil }
    if exact, mantissa < (1 << 53), exponent >= -22, exponent <= 22 {
      let magnitude =
        exponent < 0
        ? Double(mantissa) / exactPowersOfTen[-exponent]
        : Double(mantissa) * exactPowersOfTen[exponent]
      return negative ? -magnitude : magnitude
    }
    let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer in
      for k in 0..<n { buffer[k] = CChar(bitPattern: text[k]) }
      buffer[n] = 0
      return strtod(buffer.baseAddress!, nil)
    }
    return value.isFinite ? value : nil
  }

  @inline(__always)
  private static func accumulate(
    _ digit: UInt8, _ mantissa: inout UInt64, _ significant: inout Int, _ exact: inout Bool
  ) {
    if significant == 0 && digit == 0 { return }
    significant += 1
    if significant <= 19 {
      mantissa = mantissa * 10 + UInt64(digit)
    } else if digit != 0 {
      exact = false
    }
  }

  /// 10^0 … 10^22: the powers of ten a `Double` holds exactly.
  private static let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// The most bytes ``write(_:to:)`` writes for one number.
  public static let maximumLength = 32

  /// `value.description` without a trailing `.0`: the plain printer that ``write(_:to:)`` is
  /// tested against.
  package static func formatByDescription(_ value: Double) -> String {
    let text = value.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
  }

  /// The shortest text that reads back as `value`, without a trailing `.0`.
  public static func format(_ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
      let count = write(value, to: buffer.baseAddress!)
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
    }
  }

  /// Appends ``format(_:)`` of `value` to `output`, without creating a `String`.
  @inlinable @inline(__always)
  public static func append(_ value: Double, to output: OutputBuffer) throws(IOError) {
    try output.append(maximumCount: maximumLength) { write(value, to: $0) }
  }

  /// Writes the text of ``format(_:)`` to `destination`, which has room for ``maximumLength`` bytes.
  ///
  /// The digits are those of `Double.description` (``ShortestDigits``), laid out as it does:
  /// plain decimals from 0.0001 up to 2^53, otherwise `d.ddde±XX`; `-0` keeps its sign, and
  /// infinities and NaN print as `inf` and `nan`.
  ///
  /// - Returns: the number of bytes written.
  @inline(__always)
  public static func write(
    _ value: Double, to destination: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var p = destination
    guard value.isFinite else {
      // As `description`: inf, -inf, and nan whatever its sign.
      let text: StaticString = value.isNaN ? "nan" : value < 0 ? "-inf" : "inf"
      p.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
      return text.utf8CodeUnitCount
    }
    if value.sign == .minus {
      p.pointee = UInt8(ascii: "-")
      p += 1
    }
    let magnitude = value.magnitude
    if magnitude == 0 {
      p.pointee = UInt8(ascii: "0")
      p += 1
      return p - destination
    }
    let (digits, exponent) = ShortestDigits.decimal(magnitude)
    let count = DecimalDigits.count(digits)
    // The exponent of the first digit: value = d.ddd × 10^scientific.
    let scientific = count - 1 + exponent
    if magnitude > 0x1p53 || scientific < -4 {
      DecimalDigits.write(digits, count: count, to: p + 1)
      p[0] = p[1]
      if count > 1 {
        p[1] = UInt8(ascii: ".")
        p += count + 1
      } else {
        p += 1
      }
      p[0] = UInt8(ascii: "e")
      p[1] = scientific < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
      let power = scientific.magnitude
      if power >= 100 {
        DecimalDigits.write(UInt64(power), count: 3, to: p + 2)
        p += 5
      } else {
        DecimalDigits.write(UInt64(power), count: 2, to: p + 2)
        p += 4
      }
    } else if scientific < 0 {
      // 0.000ddd: at most three zeros after the point.
      let zeros = -scientific - 1
      p[0] = UInt8(ascii: "0")
      p[1] = UInt8(ascii: ".")
      p[2] = UInt8(ascii: "0")
      p[3] = UInt8(ascii: "0")
      p[4] = UInt8(ascii: "0")
      DecimalDigits.write(digits, count: count, to: p + 2 + zeros)
      p += 2 + zeros + count
    } else if count <= scientific + 1 {
      // An integer: its digits, then zeros up to the units.
      DecimalDigits.write(digits, count: count, to: p)
      (p + count).update(repeating: UInt8(ascii: "0"), count: scientific + 1 - count)
      p += scientific + 1
    } else {
      // ddd.ddd: the digits one place to the right, then the integer part moved back.
      DecimalDigits.write(digits, count: count, to: p + 1)
      for i in 0...scientific { p[i] = p[i + 1] }
      p[scientific + 1] = UInt8(ascii: ".")
      p += count + 1
    }
    return p - destination
  }
}
