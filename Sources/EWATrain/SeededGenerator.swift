import Foundation

/// A small seeded random number generator (SplitMix64, Steele, Lea and Flood 2014) whose state is
/// a value: saving it in a checkpoint and restoring it continues the same stream, bit for bit.
public struct SeededGenerator: RandomNumberGenerator, Codable, Equatable, Sendable {
  /// The whole state: one 64-bit counter.
  public private(set) var state: UInt64

  /// Creates a generator from a seed; the same seed gives the same stream on every platform.
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1) with 53 random bits.
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A standard normal deviate (Box–Muller; one pair of uniforms per call, no cached value).
  public mutating func normal() -> Double {
    let u = 1 - uniform()  // in (0, 1], so the logarithm is finite
    let v = uniform()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }

  /// A uniform integer in `0..<bound` (the high half of a 64×64-bit product, Lemire 2019).
  public mutating func index(below bound: Int) -> Int {
    Int(next().multipliedFullWidth(by: UInt64(bound)).high)
  }

  /// Shuffles `values` in place (Fisher–Yates), the same way on every platform.
  public mutating func shuffle<T>(_ values: inout [T]) {
    values.withUnsafeMutableBufferPointer { buffer in
      var i = buffer.count - 1
      while i > 0 {
        buffer.swapAt(i, index(below: i + 1))
        i -= 1
      }
    }
  }

  // The state is saved as hexadecimal text so that JSON readers never round it through a Double.
  public init(from decoder: Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = UInt64(text, radix: 16) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a hexadecimal state: \(text)"))
    }
    state = value
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(String(state, radix: 16))
  }
}
