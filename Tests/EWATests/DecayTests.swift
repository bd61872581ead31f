import Foundation
import Testing

@testable import EWA

@Suite struct DecayTests {
  @Test func formsAgree() throws {
    #expect(close(try Decay.beta(0.9).alpha, 0.1, relative: 1e-15))
    #expect(close(try Decay.alpha(0.1).beta, 0.9, relative: 1e-15))
    #expect(close(try Decay.span(19).alpha, 0.1, relative: 1e-15))
    #expect(close(try Decay.centerOfMass(9).alpha, 0.1, relative: 1e-15))
    #expect(close(try Decay.halflife(1).alpha, 0.5, relative: 1e-15))
    #expect(close(try Decay.beta(0.98).window, 50, relative: 1e-12))
  }

  @Test func betaZeroIsAllowedAndForgetsEverything() throws {
    #expect(try Decay.beta(0).beta == 0)
    #expect(try Decay.alpha(1).beta == 0)
  }

  @Test func domains() {
    #expect(throws: DecayError.betaOutOfRange(1)) { try Decay.beta(1) }
    #expect(throws: DecayError.betaOutOfRange(-0.1)) { try Decay.beta(-0.1) }
    #expect(throws: DecayError.alphaOutOfRange(0)) { try Decay.alpha(0) }
    #expect(throws: DecayError.alphaOutOfRange(1.5)) { try Decay.alpha(1.5) }
    #expect(throws: DecayError.spanOutOfRange(0.5)) { try Decay.span(0.5) }
    #expect(throws: DecayError.centerOfMassOutOfRange(-1)) { try Decay.centerOfMass(-1) }
    #expect(throws: DecayError.halflifeOutOfRange(0)) { try Decay.halflife(0) }
    #expect(throws: DecayError.self) { try Decay.beta(.nan) }
    #expect(throws: DecayError.self) { try Decay.span(.infinity) }
  }

  @Test func errorsAreSentences() {
    #expect(DecayError.betaOutOfRange(1.2).description == "beta must be at least 0 and less than 1, got 1.2")
  }
}
