import EWA
import Testing

@Suite struct ExponentialAverageCarryTests {
  /// A deterministic series with missing steps (nil), from a linear congruential generator.
  func series(_ count: Int, seed: UInt64) -> [Double?] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let unit = Double(state >> 11) / Double(1 << 53)
      return unit < 0.1 ? nil : 20 + 15 * unit
    }
  }

  /// Folds `values` into `average`, skipping the missing ones, and returns the total decay.
  func fold(_ values: ArraySlice<Double?>, into average: inout ExponentialAverage<Double>)
    -> Double
  {
    var decay = 1.0
    for value in values {
      if let value { average.update(with: value) } else { average.skip() }
      decay *= average.decay(1)
    }
    return decay
  }

  @Test func handComputedTwoBlocks() {
    // prior: 1, 3 with β = 0.5: W = 1.5, V̂ = (0.5·1 + 3)/1.5 = 7/3.
    var prior = ExponentialAverage<Double>(beta: 0.5)
    prior.update(with: 1)
    prior.update(with: 3)
    var block = ExponentialAverage<Double>(beta: 0.5)
    block.update(with: 5)
    // k = 0.5·1.5 = 0.75; V̂ = (0.75·7/3 + 5)/1.75 = 6.75/1.75; W = 1.75.
    let carried = block.carried(from: prior, decay: 0.5)
    #expect(abs(carried.corrected - 6.75 / 1.75) < 1e-15)
    #expect(carried.weight == 1.75)
    #expect(carried.count == 3)
  }

  @Test func blocksCarriedEqualTheSequentialAverage() {
    for beta in [0.0, 0.5, 0.9, 0.98, 0.999] {
      let values = series(5000, seed: UInt64(beta * 1000) + 7)
      var sequential = ExponentialAverage<Double>(beta: beta)
      _ = fold(values[...], into: &sequential)
      var carried = ExponentialAverage<Double>(beta: beta)
      var start = 0
      for size in [1, 7, 300, 2, 1000, 1690, 2000] {
        var block = ExponentialAverage<Double>(beta: beta)
        let decay = fold(values[start..<start + size], into: &block)
        carried = block.carried(from: carried, decay: decay)
        start += size
      }
      #expect(start == values.count)
      #expect(carried.count == sequential.count)
      #expect(abs(carried.corrected - sequential.corrected) <= 1e-12 * abs(sequential.corrected))
      #expect(abs(carried.weight - sequential.weight) <= 1e-12 * sequential.weight)
    }
  }

  @Test func blocksOfOnlyMissingStepsDecayThePast() {
    var prior = ExponentialAverage<Double>(beta: 0.9)
    prior.update(with: 4)
    var sequential = prior
    sequential.skip()
    sequential.skip()
    let empty = ExponentialAverage<Double>(beta: 0.9)
    let carried = empty.carried(from: prior, decay: 0.81)
    #expect(carried.corrected == 4)
    #expect(abs(carried.weight - sequential.weight) < 1e-15)
    // Nothing before and nothing in the block: still nothing.
    let none = empty.carried(from: ExponentialAverage<Double>(beta: 0.9), decay: 0.9)
    #expect(none.count == 0 && none.weight == 0)
    // Nothing before: the block alone.
    var block = ExponentialAverage<Double>(beta: 0.9)
    block.update(with: 2)
    #expect(block.carried(from: empty, decay: 0.9) == block)
  }
}

extension ExponentialAverageCarryTests {
  @Test func aBlockWhoseWeightDecayedToNothingKeepsItsAverage() {
    // β = 0: a missing step leaves no weight; the fold's average is the last observation, 5.
    var sequential = ExponentialAverage<Double>(beta: 0)
    var prior = ExponentialAverage<Double>(beta: 0)
    var block = ExponentialAverage<Double>(beta: 0)
    for x in [1.0, 2] {
      sequential.update(with: x)
      prior.update(with: x)
    }
    prior.skip()
    sequential.skip()
    block.update(with: 5)
    block.skip()
    sequential.update(with: 5)
    sequential.skip()
    let carried = block.carried(from: prior, decay: 0)
    #expect(carried.corrected == sequential.corrected && sequential.corrected == 5)
    #expect(carried.weight == 0 && carried.count == 3)
  }
}
