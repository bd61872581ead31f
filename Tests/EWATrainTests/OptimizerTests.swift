import EWA
import EWAIO
import EWATestSupport
import Foundation
import Testing

@testable import EWATrain

/// Relative closeness with an explicit tolerance.
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
}

func allClose(_ a: [Double], _ b: [Double], _ tolerance: Double = 1e-12) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
}

@Suite("Optimizers: hand-computed first steps")
struct OptimizerFirstStepTests {
  // w = [1, -2], dW = [0.5, -1], α = 0.1, β = 0.9, β2 = 0.999, ε = 1e-8.
  let w0 = [1.0, -2.0]
  let g = [0.5, -1.0]

  func step<O: Optimizer<Double>>(_ optimizer: inout O, _ gradients: [[Double]]) -> [Double] {
    var w = w0
    for g in gradients { optimizer.update(&w, gradient: g, learningRate: 0.1) }
    return w
  }

  @Test func gradientDescent() {
    var o = GradientDescent<Double>()
    #expect(step(&o, [g]) == [0.95, -1.9])
    #expect(o.steps == 1)
  }

  @Test func momentumUsesTheRawAverageByDefault() throws {
    var o = try Momentum<Double>(beta: 0.9, count: 2)
    // V1 = 0.1·g = [0.05, -0.1]; V2 = 0.9·V1 + 0.1·g = [0.095, -0.19].
    #expect(allClose(step(&o, [g]), [1 - 0.1 * 0.05, -2 + 0.1 * 0.1]))
    var o2 = try Momentum<Double>(beta: 0.9, count: 2)
    #expect(allClose(step(&o2, [g, g]), [1 - 0.1 * 0.05 - 0.1 * 0.095, -2 + 0.01 + 0.019]))
    #expect(allClose(o2.velocity.raw, [0.095, -0.19]))
  }

  @Test func momentumWithBiasCorrectionStepsByTheGradientFirst() throws {
    var o = try Momentum<Double>(beta: 0.9, count: 2, biasCorrection: true)
    #expect(allClose(step(&o, [g]), [0.95, -1.9]))
  }

  @Test func nesterovLooksOneAverageAhead() throws {
    var o = try Nesterov<Double>(beta: 0.9, count: 2)
    // V1 = [0.05, -0.1]; look-ahead 0.9·V1 + 0.1·g = [0.095, -0.19].
    #expect(allClose(step(&o, [g]), [1 - 0.1 * 0.095, -2 + 0.1 * 0.19]))
  }

  @Test func rmspropPutsEpsilonOutsideTheRoot() throws {
    var o = try RMSProp<Double>(beta: 0.9, epsilon: 1e-8, count: 2)
    // S1 = 0.1·g² = [0.025, 0.1].
    let expected = [
      1 - 0.1 * 0.5 / (0.025.squareRoot() + 1e-8), -2 + 0.1 * 1 / (0.1.squareRoot() + 1e-8),
    ]
    #expect(allClose(step(&o, [g]), expected))
  }

  @Test func adamFirstStepIsAboutTheRateTimesTheSign() throws {
    var o = try Adam<Double>(count: 2)
    #expect(allClose(step(&o, [g]), [1 - 0.1 * 0.5 / (0.5 + 1e-8), -2 + 0.1 / (1 + 1e-8)]))
  }

  @Test func adamSecondStep() throws {
    var o = try Adam<Double>(count: 2)
    let g2 = [0.1, -0.1]
    // V2 = 0.9·0.05 + 0.1·0.1 = 0.055, V̂2 = 0.055/0.19; S2 = 0.999·0.00025 + 0.001·0.01, Ŝ2 = S2/0.001999.
    let m = 0.055 / (1 - 0.9 * 0.9)
    let s = (0.999 * 0.00025 + 0.001 * 0.01) / (1 - 0.999 * 0.999)
    let w = step(&o, [g, g2])
    #expect(close(w[0], 1 - 0.1 * 0.5 / (0.5 + 1e-8) - 0.1 * m / (s.squareRoot() + 1e-8), 1e-10))
    #expect(o.moments.first.count == 2 && o.moments.second.count == 2)
  }

  @Test func adamwDecaysTheWeightsDecoupled() throws {
    var o = try AdamW<Double>(weightDecay: 0.01, count: 2)
    let expected = [1 - 0.1 * (0.5 / (0.5 + 1e-8) + 0.01), -2 - 0.1 * (-1 / (1 + 1e-8) - 0.02)]
    #expect(allClose(step(&o, [g]), expected))
  }

  @Test func amsgradKeepsTheLargestSecondMoment() throws {
    var o = try AMSGrad<Double>(count: 2)
    let g2 = [0.1, -0.1]
    let m = 0.055 / (1 - 0.9 * 0.9)
    // Ŝ2 = 0.1299... < Ŝ1 = 0.25, so the denominator stays √0.25.
    let w = step(&o, [g, g2])
    #expect(close(w[0], 1 - 0.1 * 0.5 / (0.5 + 1e-8) - 0.1 * m / (0.5 + 1e-8), 1e-10))
    #expect(close(o.maximum[0], 0.25))
  }

  @Test func rmspropWithBiasCorrectionEqualsAdamWithBeta1Zero() throws {
    var rms = try RMSProp<Double>(beta: 0.99, epsilon: 1e-7, count: 3, biasCorrection: true)
    var adam = try Adam<Double>(beta1: 0, beta2: 0.99, epsilon: 1e-7, count: 3)
    var (a, b) = ([0.3, -1.0, 2.0], [0.3, -1.0, 2.0])
    var generator = TestRandom(seed: 7)
    for _ in 0..<100 {
      let gradient = (0..<3).map { _ in generator.normal() }
      rms.update(&a, gradient: gradient, learningRate: 0.01)
      adam.update(&b, gradient: gradient, learningRate: 0.01)
    }
    #expect(allClose(a, b, 1e-13))
  }

  @Test func rejectsOutOfRangeHyperParameters() {
    #expect(throws: OptimizerError.self) { try Momentum<Double>(beta: 1, count: 1) }
    #expect(throws: OptimizerError.self) { try Adam<Double>(beta2: -0.1, count: 1) }
    #expect(throws: OptimizerError.self) { try RMSProp<Double>(epsilon: 0, count: 1) }
    #expect(throws: OptimizerError.self) { try AdamW<Double>(weightDecay: -1, count: 1) }
  }
}
