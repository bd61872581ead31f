import Foundation

/// The one seeded generator of the tests (SplitMix64, Steele, Lea and Flood 2014): the same seed
/// gives the same stream on every platform, and the seed is printed with the place that created
/// the generator, so that a failing test's output names the data it ran on.
///
/// Its stream is bit for bit that of `EWATrain.SeededGenerator` (the same algorithm), so tests
/// written against either see the same numbers.
public struct TestRandom: RandomNumberGenerator, Sendable {
  /// The seed this generator started from.
  public let seed: UInt64
  private var state: UInt64

  /// Creates a generator and prints `seed` with the file and line that asked for it.
  public init(
    seed: UInt64, fileID: String = #fileID, line: Int = #line, printsSeed: Bool = true
  ) {
    self.seed = seed
    state = seed
    if printsSeed { print("TestRandom: seed \(seed) at \(fileID):\(line)") }
  }

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
}
