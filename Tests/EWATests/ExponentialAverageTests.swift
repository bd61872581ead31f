import EWATestSupport
import Foundation
import Testing

@testable import EWA

/// |a - b| ≤ tolerance · max(|a|, |b|, 1e-300)
func close(_ a: Double, _ b: Double, relative tolerance: Double = 1e-12) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
}

@Suite struct ExponentialAverageTests {
  @Test func textbookFirstStepsFromZero() {
    // β = 0.5 on 10, 10: V_1 = 5, V_2 = 7.5 uncorrected; both corrected to 10.
    var average = ExponentialAverage<Double>(beta: 0.5)
    average.update(with: 10)
    #expect(average.raw == 5)
    #expect(average.corrected == 10)
    #expect(average.biasFactor == 0.5)
    average.update(with: 10)
    #expect(average.raw == 7.5)
    #expect(average.corrected == 10)
    #expect(average.biasFactor == 0.75)
    #expect(average.count == 2)
  }

  @Test func rawFollowsTheTextbookRecurrence() {
    let beta = 0.9
    var average = ExponentialAverage<Double>(beta: beta)
    var v = 0.0
    for t in 1...200 {
      let x = sin(Double(t) / 7) * 10 + Double(t % 5)
      v = beta * v + (1 - beta) * x  // the reference, written out in the test only
      average.update(with: x)
      #expect(close(average.raw, v, relative: 1e-12))
      #expect(close(average.corrected, v / (1 - pow(beta, Double(t))), relative: 1e-12))
      #expect(close(average.biasFactor, 1 - pow(beta, Double(t)), relative: 1e-12))
    }
  }

  @Test(arguments: [0.0, 0.5, 0.9, 0.98, 0.999])
  func correctedConstantSeriesIsExactFromTheFirstStep(beta: Double) {
    for constant in [3.0, -0.1, 1e-7, 12345.678] {
      var average = ExponentialAverage<Double>(beta: beta)
      for _ in 0..<100 {
        average.update(with: constant)
        #expect(average.corrected == constant)
      }
    }
  }

  @Test func firstStartIsTheAdjustFalseRecurrence() {
    // V_1 = θ_1, V_t = β V_{t-1} + (1-β) θ_t
    var average = ExponentialAverage<Double>(beta: 0.5, start: .first)
    average.update(with: 10)
    #expect(average.corrected == 10)
    average.update(with: 20)
    #expect(average.corrected == 15)
    average.update(with: 0)
    #expect(average.corrected == 7.5)
    #expect(average.biasFactor == 1)
    #expect(average.raw == 7.5)
  }

  @Test func effectiveWindow() {
    #expect(close(ExponentialAverage<Double>(beta: 0.9).window, 10))
    #expect(close(ExponentialAverage<Double>(beta: 0.98).window, 50))
  }

  @Test func missingValuesFollowAbsolutePositions() {
    // pandas' documented example: [x0, NaN, x2] with α = 1/2.
    // adjust=True: weights (1-α)² and 1 → (0.25·1 + 3) / 1.25 = 2.6
    var zero = ExponentialAverage<Double>(beta: 0.5)
    zero.update(with: 1)
    zero.skip()
    zero.update(with: 3)
    #expect(close(zero.corrected, 2.6, relative: 1e-15))
    // adjust=False: weights (1-α)² and α → (0.25·1 + 0.5·3) / 0.75 = 2.333…
    // pandas 3.1.1 prints 2.5 here (pandas-dev/pandas#66523); the documented value is followed.
    var first = ExponentialAverage<Double>(beta: 0.5, start: .first)
    first.update(with: 1)
    first.skip()
    first.update(with: 3)
    #expect(close(first.corrected, 7.0 / 3, relative: 1e-15))
  }

  @Test func skipBeforeTheFirstObservationDoesNothing() {
    var average = ExponentialAverage<Double>(beta: 0.9)
    average.skip()
    average.skip()
    #expect(average == ExponentialAverage<Double>(beta: 0.9))
  }

  @Test func elapsedTimeDecaysByBetaToThePowerOfTheGap() {
    // pandas: Series([1, NaN, 3, 5]).ewm(halflife="2D", times=[d0, d1, d3, d4]).mean()
    //   → [1, 1, 2.4775922500725174, 3.766437485383698]
    var average = ExponentialAverage<Double>(beta: 0.5)
    average.update(with: 1)
    average.skip(elapsed: 0.5)
    average.update(with: 3, elapsed: 1)
    #expect(close(average.corrected, 2.4775922500725174))
    average.update(with: 5, elapsed: 0.5)
    #expect(close(average.corrected, 3.766437485383698))
  }

  @Test func oneStepElapsedIsTheRegularStep() {
    var regular = ExponentialAverage<Double>(beta: 0.8)
    var timed = ExponentialAverage<Double>(beta: 0.8)
    for x in [3.0, 1, 4, 1, 5, 9, 2, 6] {
      regular.update(with: x)
      timed.update(with: x, elapsed: 1)
    }
    #expect(regular == timed)
  }

  @Test func vectorEqualsPerElementScalars() {
    var generator = TestRandom(seed: 7)
    let n = 17
    var vector = ExponentialAverage<[Double]>(beta: 0.9, count: n)
    var scalars = [ExponentialAverage<Double>](repeating: .init(beta: 0.9), count: n)
    for _ in 0..<50 {
      let x = (0..<n).map { _ in generator.uniform() * 20 - 10 }
      vector.update(with: x)
      for i in 0..<n { scalars[i].update(with: x[i]) }
      for i in 0..<n {
        #expect(vector.corrected[i] == scalars[i].corrected)
        #expect(vector.raw[i] == scalars[i].raw)
      }
    }
  }

  @Test func floatVectorAndScalar() {
    var vector = ExponentialAverage<[Float]>(beta: 0.5, count: 2)
    vector.update(with: [10, -10])
    vector.update(with: [10, -10])
    #expect(vector.raw == [7.5, -7.5])
    #expect(vector.corrected == [10, -10])
    var scalar = ExponentialAverage<Float>(beta: 0.5)
    scalar.update(with: 10)
    #expect(scalar.raw == 5)
  }

  @Test func stateRoundTripsThroughJSON() throws {
    var average = ExponentialAverage<Double>(beta: 0.9)
    for x in [1.5, 2.5, -3.25] { average.update(with: x) }
    let data = try JSONEncoder().encode(average)
    let json = String(decoding: data, as: UTF8.self)
    #expect(json.contains("\"corrected\""))
    let decoded = try JSONDecoder().decode(ExponentialAverage<Double>.self, from: data)
    #expect(decoded == average)
    var resumed = decoded
    resumed.update(with: 7)
    average.update(with: 7)
    #expect(resumed == average)
  }

  @Test func blendLeavesAnEqualObservationExact() {
    #expect(ExponentialAverage<Double>.blend(0.1, 0.1, keep: 0.3, gain: 1) == 0.1)
    #expect(ExponentialAverage<Double>.blend(0, 4, keep: 1, gain: 1) == 2)
  }
}
