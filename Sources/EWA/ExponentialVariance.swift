/// A streaming exponentially weighted variance and standard deviation, with the unbiased
/// (`bias=False`) weighting that pandas' `ewm().var()` and `ewm().std()` use.
///
/// The mean is an ``ExponentialAverage``; the biased variance `σ²_t` is blended with the same
/// coefficients, and the result is corrected by the weights' effective sample size:
///
/// ```
/// σ²_t = blend(σ²_{t-1} + (μ_{t-1} - μ_t)², (θ_t - μ_t)², keep, gain)
/// var_t = (Σw)² / ((Σw)² - Σw²) · σ²_t
/// ```
///
/// Matches pandas' `ewmcov` kernel bit for bit for regular series (both `adjust` settings and both
/// `ignore_na` settings); it also accepts irregular steps, which pandas does not for `std()`.
/// The variance is undefined (nil) until two observations have been seen.
public struct ExponentialVariance: Codable, Equatable, Sendable {
  /// The exponentially weighted mean, updated by the shared recurrence.
  public internal(set) var average: ExponentialAverage<Double>
  /// The biased (population) weighted variance `σ²_t`.
  public internal(set) var biasedVariance: Double = 0
  /// The sum of the observations' weights, `Σw`.
  public internal(set) var sumOfWeights: Double = 0
  /// The sum of their squares, `Σw²`.
  public internal(set) var sumOfSquaredWeights: Double = 0

  /// Creates a variance with nothing observed yet.
  public init(beta: Double, start: ExponentialAverage<Double>.Start = .zero) {
    average = ExponentialAverage(beta: beta, start: start)
  }

  /// Restores a variance from its saved parts, or returns nil when they are out of range: each
  /// weight sum finite and ≥ 0, the biased variance ≥ 0 or not finite (an overflow of finite
  /// inputs), and all of them zero before the first observation.
  public init?(
    average: ExponentialAverage<Double>, biasedVariance: Double, sumOfWeights: Double,
    sumOfSquaredWeights: Double
  ) {
    guard sumOfWeights.isFinite, sumOfWeights >= 0, sumOfSquaredWeights.isFinite,
      sumOfSquaredWeights >= 0, !(biasedVariance < 0)
    else { return nil }
    if average.count == 0 {
      guard biasedVariance == 0, sumOfWeights == 0, sumOfSquaredWeights == 0 else { return nil }
    }
    self.average = average
    self.biasedVariance = biasedVariance
    self.sumOfWeights = sumOfWeights
    self.sumOfSquaredWeights = sumOfSquaredWeights
  }

  /// The number of observations folded in.
  public var count: Int { average.count }

  /// Folds one observation in.
  ///
  /// - Parameter elapsed: the time since the previous observation, in steps.
  public mutating func update(with x: Double, elapsed: Double = 1) {
    guard average.count > 0 else {
      average.update(with: x)
      (biasedVariance, sumOfWeights, sumOfSquaredWeights) = (0, 1, 1)
      return
    }
    decayWeightSums(elapsed: elapsed)
    let previous = average.corrected
    let (keep, gain) = average.update(with: x, elapsed: elapsed)
    let mean = average.corrected
    biasedVariance = ExponentialAverage<Double>.blend(
      biasedVariance + (previous - mean) * (previous - mean), (x - mean) * (x - mean),
      keep: keep, gain: gain)
    sumOfWeights += gain
    sumOfSquaredWeights += gain * gain
    if average.start == .first {
      let total = keep + gain
      sumOfWeights /= total
      sumOfSquaredWeights /= total * total
    }
  }

  /// Records a missing observation (pandas `ignore_na=False`); see
  /// ``ExponentialAverage/skip(elapsed:)``.
  public mutating func skip(elapsed: Double = 1) {
    guard average.count > 0 else { return }
    decayWeightSums(elapsed: elapsed)
    average.skip(elapsed: elapsed)
  }

  private mutating func decayWeightSums(elapsed: Double) {
    let factor = average.decay(elapsed)
    sumOfWeights *= factor
    sumOfSquaredWeights *= factor * factor
  }

  /// The unbiased weighted variance, or nil while it is undefined (fewer than two observations).
  public var variance: Double? {
    let numerator = sumOfWeights * sumOfWeights
    let denominator = numerator - sumOfSquaredWeights
    guard average.count > 1, denominator > 0 else { return nil }
    return numerator / denominator * biasedVariance
  }

  /// The unbiased weighted standard deviation (a negative rounding residue counts as 0), or nil.
  public var standardDeviation: Double? {
    variance.map { $0 > 0 ? $0.squareRoot() : 0 }
  }
}
