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
  /// - Complexity: O(n); short decimals (up to 19 digits, exponent within ±22) take an exact fast
  ///   path, the rest go through `strtod` after the grammar has been checked here.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
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
        ? Double(mantissa) / powersOfTen[-exponent] : Double(mantissa) * powersOfTen[exponent]
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

  private static let powersOfTen: [Double] = (0...22).map { k in
    var p = 1.0
    for _ in 0..<k { p *= 10 }
    return p
  }

  /// The most bytes ``write(_:to:)`` writes for one number.
  public static let maximumLength = 32

  /// The shortest text that reads back as `value`, without a trailing `.0`.
  public static func format(_ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { buffer in
      let count = write(value, to: buffer.baseAddress!)
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
    }
  }

  /// Appends ``format(_:)`` of `value` to `output`, without creating a `String`.
  @inline(__always)
  public static func append(_ value: Double, to output: OutputBuffer) throws(IOError) {
    try output.append(maximumCount: maximumLength) { write(value, to: $0) }
  }

  /// Appends `value.description` (the shortest digits, `1.0` with its `.0`, `inf`, `nan`) to
  /// `output`, without creating a `String`: the text of `"\(value)"`, for outputs that have
  /// always printed doubles so (`ewa trajectory`).
  @inline(__always)
  public static func appendDescription(_ value: Double, to output: OutputBuffer) throws(IOError) {
    try output.append(maximumCount: maximumLength) {
      write(value, to: $0, keepingPointZero: true)
    }
  }

  /// Writes the text of ``format(_:)`` (or with `keepingPointZero`, of `value.description`) to
  /// `destination`, which has room for ``maximumLength`` bytes.
  ///
  /// The digits come from the Swift runtime's `swift_float64ToString`, the routine behind
  /// `Double.description` (the shortest digits that round-trip), called directly so that no
  /// `String` is created per number.
  ///
  /// - Returns: the number of bytes written.
  @inline(__always)
  public static func write(
    _ value: Double, to destination: UnsafeMutablePointer<UInt8>, keepingPointZero: Bool = false
  ) -> Int {
    // This runtime's entry point expects the buffer filled with "0" (it may leave a leading zero
    // digit unwritten); later runtimes fill it themselves.
    destination.update(repeating: 0x30, count: maximumLength)
    var count = Int(float64ToString(destination, UInt(maximumLength), value, false))
    if !keepingPointZero, count >= 2, destination[count - 2] == UInt8(ascii: "."),
      destination[count - 1] == 0x30
    {
      count -= 2
    }
    return count
  }
}

/// The Swift runtime's shortest round-trip printer (what `Double.description` calls).
@_silgen_name("swift_float64ToString")
private func float64ToString(
  _ buffer: UnsafeMutablePointer<UInt8>, _ length: UInt, _ value: Double, _ debug: Bool
) -> UInt64
