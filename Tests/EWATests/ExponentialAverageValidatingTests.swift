import EWA
import Testing

/// The throwing initialisers refuse every β outside [0, 1) and agree with the plain ones inside.
@Suite struct ExponentialAverageValidatingTests {
  @Test(arguments: [-0.1, 1, 1.5, Double.nan, .infinity, -.infinity])
  func aBetaOutOfRangeThrows(beta: Double) {
    #expect(throws: DecayError.self) { try ExponentialAverage<Double>(validating: beta) }
    #expect(throws: DecayError.self) {
      try ExponentialAverage<[Float]>(validating: Float(beta), zero: [0, 0])
    }
  }

  @Test func theErrorNamesTheBeta() {
    #expect(throws: DecayError.betaOutOfRange(1)) { try ExponentialAverage<Double>(validating: 1) }
  }

  @Test(arguments: [0, 0.5, 0.9, 0.999])
  func aBetaInRangeGivesThePlainAverage(beta: Double) throws {
    var checked = try ExponentialAverage<Double>(validating: beta, start: .first)
    var plain = ExponentialAverage<Double>(beta: beta, start: .first)
    for x in [3.0, -1, 4] {
      checked.update(with: x)
      plain.update(with: x)
    }
    #expect(checked == plain)
  }
}
