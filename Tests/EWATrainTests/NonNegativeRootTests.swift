import Testing

@testable import EWATrain

@Suite("nonNegativeRoot")
struct NonNegativeRootTests {
  @Test(arguments: [0, -0.0, 1e-300, 0.25, 2, 1e300, .infinity, .leastNonzeroMagnitude])
  func equalsSquareRootBitForBit(x: Double) {
    #expect(x.nonNegativeRoot.bitPattern == x.squareRoot().bitPattern)
    #expect(Float(x).nonNegativeRoot.bitPattern == Float(x).squareRoot().bitPattern)
  }

  @Test func isNaNForNaNAndZeroForANegative() {
    #expect(Double.nan.nonNegativeRoot.isNaN)
    #expect(Float.nan.nonNegativeRoot.isNaN)
    #expect((-4.0).nonNegativeRoot == 0)
  }
}
