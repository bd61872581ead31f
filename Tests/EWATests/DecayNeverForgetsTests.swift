import EWA
import Testing

/// A decay so slow that β rounds to 1 would never forget; every form refuses it with the limit.
@Suite struct DecayNeverForgetsTests {
  @Test(arguments: [1e18, 1e300, Double.greatestFiniteMagnitude])
  func hugeCenterOfMassIsRefused(_ com: Double) {
    #expect(throws: DecayError.neverForgets(.centerOfMass(com))) {
      try Decay.centerOfMass(com)
    }
  }

  @Test func everyFormRefusesAβOfOneAndStatesItsLimit() {
    #expect(throws: DecayError.neverForgets(.span(1e300))) { try Decay.span(1e300) }
    #expect(throws: DecayError.neverForgets(.alpha(1e-300))) { try Decay.alpha(1e-300) }
    #expect(throws: DecayError.neverForgets(.halflife(1e30))) { try Decay.halflife(1e30) }
    #expect(
      DecayError.neverForgets(.centerOfMass(1e18)).description
        == "the decay rounds to β = 1, which never forgets; use a center of mass of at most 1e15")
    #expect(DecayError.neverForgets(.halflife(1e30)).description.hasSuffix("at most 6e14 steps"))
  }

  @Test func theStatedLimitsAreAccepted() throws {
    for decay in [
      try Decay.centerOfMass(1e15), try Decay.span(2e15), try Decay.alpha(1e-15),
      try Decay.halflife(6e14), try Decay.beta(0.9999999999999999),
    ] {
      #expect(decay.beta < 1 && decay.alpha > 0)
      var average = ExponentialAverage<Double>(beta: decay.beta)
      average.update(with: 1)
      average.update(with: 2)
      #expect(abs(average.corrected - 1.5) < 1e-3)
    }
  }
}
