import EWA
import EWATestSupport
import Testing

@Suite struct ExponentialVarianceCarryTests {
  /// Folds `values` (nil: a missing step) into `variance` and returns the block's total decay.
  func fold(_ values: ArraySlice<Double?>, into variance: inout ExponentialVariance) -> Double {
    var decay = 1.0
    for value in values {
      if let value { variance.update(with: value) } else { variance.skip() }
      decay *= variance.average.decay(1)
    }
    return decay
  }

  func close(_ a: Double, _ b: Double, scale: Double) -> Bool {
    abs(a - b) <= 1e-12 * max(abs(a), abs(b), scale)
  }

  @Test func handComputedTwoBlocks() throws {
    // prior 1, 3 and block 5 with β = 0.5: weights 0.25, 0.5, 1 (Σw = 1.75, Σw² = 1.3125);
    // μ = (0.25 + 1.5 + 5)/1.75 = 27/7; σ² = Σw(x - μ)²/Σw.
    var prior = ExponentialVariance(beta: 0.5)
    prior.update(with: 1)
    prior.update(with: 3)
    var block = ExponentialVariance(beta: 0.5)
    block.update(with: 5)
    let carried = block.carried(from: prior, decay: 0.5)
    let mean = 27.0 / 7
    let biased =
      (0.25 * (1 - mean) * (1 - mean) + 0.5 * (3 - mean) * (3 - mean) + (5 - mean) * (5 - mean))
      / 1.75
    #expect(abs(carried.average.corrected - mean) < 1e-15)
    #expect(abs(carried.biasedVariance - biased) < 1e-14)
    #expect(abs(carried.sumOfWeights - 1.75) < 1e-15)
    #expect(abs(carried.sumOfSquaredWeights - 1.3125) < 1e-15)
    #expect(carried.count == 3)
    let variance = try #require(carried.variance)
    #expect(abs(variance - 1.75 * 1.75 / (1.75 * 1.75 - 1.3125) * biased) < 1e-13)
  }

  @Test(arguments: [0.0, 0.5, 0.9, 0.98, 0.999])
  func blocksCarriedEqualTheSequentialVariance(beta: Double) {
    var random = TestRandom(seed: UInt64(beta * 1000) + 11)
    let values: [Double?] = (0..<4000).map { _ in
      random.uniform() < 0.1 ? nil : 20 + 15 * random.normal()
    }
    var sequential = ExponentialVariance(beta: beta)
    _ = fold(values[...], into: &sequential)
    var carried = ExponentialVariance(beta: beta)
    var start = 0
    // Blocks of one step, of missing steps only (the past only decays), and long ones.
    for size in [1, 7, 300, 2, 1000, 690, 2000] {
      var block = ExponentialVariance(beta: beta)
      let decay = fold(values[start..<start + size], into: &block)
      carried = block.carried(from: carried, decay: decay)
      start += size
    }
    #expect(start == values.count)
    #expect(carried.count == sequential.count)
    #expect(close(carried.average.corrected, sequential.average.corrected, scale: 20))
    #expect(close(carried.biasedVariance, sequential.biasedVariance, scale: 0))
    #expect(close(carried.sumOfWeights, sequential.sumOfWeights, scale: 0))
    #expect(close(carried.sumOfSquaredWeights, sequential.sumOfSquaredWeights, scale: 0))
    if let a = carried.standardDeviation, let b = sequential.standardDeviation {
      #expect(close(a, b, scale: 0))
    } else {
      #expect(carried.standardDeviation == nil && sequential.standardDeviation == nil)
    }
  }

  @Test func emptyAndSkippedBlocksOnlyDecayThePast() {
    var prior = ExponentialVariance(beta: 0.9)
    for x in [1.0, 4, 2] { prior.update(with: x) }
    // A block of nothing leaves the state as it is.
    #expect(ExponentialVariance(beta: 0.9).carried(from: prior, decay: 1) == prior)
    // A block of three missing steps decays the weights as three skips do.
    var skipped = prior
    for _ in 0..<3 { skipped.skip() }
    let carried = ExponentialVariance(beta: 0.9).carried(from: prior, decay: 0.9 * 0.9 * 0.9)
    #expect(carried.biasedVariance == skipped.biasedVariance)
    #expect(abs(carried.sumOfWeights - skipped.sumOfWeights) <= 1e-15)
    #expect(abs(carried.sumOfSquaredWeights - skipped.sumOfSquaredWeights) <= 1e-15)
    // Onto nothing, a block is itself.
    #expect(prior.carried(from: ExponentialVariance(beta: 0.9), decay: 0.729) == prior)
  }
}
