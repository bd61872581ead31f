import EWA

extension SmoothCurve {
  /// How the averages of a curve start, with `ewa smooth --init`'s names.
  public enum Initialization: String, Sendable, CaseIterable {
    /// `V_t / (1 - β^t)` from `V_0 = 0` (pandas `adjust=True`).
    case corrected
    /// The raw `V_t` from `V_0 = 0`, biased toward 0 at the start.
    case zero
    /// `V_1 = θ_1` (pandas `adjust=False`).
    case first
  }

  /// The curve of one decay over `observations`, computed with ``ExponentialAverage``; a missing
  /// (NaN) observation decays the past without adding to it (pandas `ignore_na=False`) and the
  /// curve keeps its last value there, as pandas does.
  ///
  /// - Parameters:
  ///   - label: the legend entry.
  ///   - beta: the decay β, in [0, 1).
  ///   - initialization: how the average starts.
  ///   - observations: the series, NaN where missing.
  ///   - compareWithZeroStart: also compute the uncorrected `V_t` from `V_0 = 0`.
  /// - Returns: the curve.
  public static func averaging(
    _ observations: [Double], label: String, beta: Double,
    initialization: Initialization = .corrected, compareWithZeroStart: Bool = false
  ) -> SmoothCurve {
    let values = averages(
      observations, beta: beta, start: initialization == .first ? .first : .zero,
      raw: initialization == .zero)
    let uncorrected =
      compareWithZeroStart ? averages(observations, beta: beta, start: .zero, raw: true) : nil
    return SmoothCurve(label: label, values: values, uncorrected: uncorrected)
  }

  private static func averages(
    _ observations: [Double], beta: Double, start: ExponentialAverage<Double>.Start, raw: Bool
  ) -> [Double] {
    var average = ExponentialAverage<Double>(beta: beta, start: start)
    return observations.map { x in
      if x.isNaN { average.skip() } else { average.update(with: x) }
      guard average.count > 0 else { return .nan }
      return raw ? average.raw : average.corrected
    }
  }
}
