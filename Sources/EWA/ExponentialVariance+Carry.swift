extension ExponentialVariance {
  /// The variance of `prior`'s observations followed by this variance's, where this variance
  /// started empty and its steps decayed the past by `decay` in total: the block composition of
  /// ``ExponentialAverage/carried(from:decay:)`` extended to the spread, so that blocks of a
  /// series (or saved states of its parts) can be computed independently and then carried.
  ///
  /// The biased variance is the weighted population variance `Σw(θ - μ)² / Σw` of the
  /// observations; two weighted sets combine as Chan, Golub and LeVeque's pairwise update, with
  /// the prior's weights decayed by `D` (the block's total decay) and the same ``blend`` the
  /// step uses:
  ///
  /// ```
  /// k  = D·W_prior,  μ = carried mean
  /// σ² = blend(σ²_prior + (μ_prior - μ)², σ²_block + (μ_block - μ)², keep: k, gain: W_block)
  /// Σw = D·Σw_prior + Σw_block,   Σw² = D²·Σw²_prior + Σw²_block
  /// ```
  ///
  /// The result equals folding `prior`'s observations and then the block's, up to rounding.
  ///
  /// - Parameters:
  ///   - prior: the variance before the block (same β, ``ExponentialAverage/Start/zero``).
  ///   - decay: the product of the decays over every step of the block, skipped ones included.
  /// - Returns: the variance after `prior` and then the block.
  public func carried(from prior: Self, decay: Double) -> Self {
    var result = prior
    result.average = average.carried(from: prior.average, decay: decay)
    guard average.count > 0 else {
      // Only skipped steps: the past decays (as skip(elapsed:) does), nothing is added.
      if prior.count > 0 {
        result.sumOfWeights *= decay
        result.sumOfSquaredWeights *= decay * decay
      }
      return result
    }
    guard prior.count > 0 else {
      result.biasedVariance = biasedVariance
      result.sumOfWeights = sumOfWeights
      result.sumOfSquaredWeights = sumOfSquaredWeights
      return result
    }
    let mean = result.average.corrected
    let before = prior.average.corrected - mean
    let after = average.corrected - mean
    let keep = decay * prior.average.weight
    // With no weight left on either side (see ExponentialAverage.carried), the block's stands.
    result.biasedVariance =
      keep + average.weight > 0
      ? ExponentialAverage<Double>.blend(
        prior.biasedVariance + before * before, biasedVariance + after * after,
        keep: keep, gain: average.weight) : biasedVariance
    result.sumOfWeights = decay * prior.sumOfWeights + sumOfWeights
    result.sumOfSquaredWeights = decay * decay * prior.sumOfSquaredWeights + sumOfSquaredWeights
    return result
  }
}
