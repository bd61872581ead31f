/// Inverse-time decay.
///
/// ```
/// α(e) = α0 / (1 + r·e)
/// ```
public struct InverseTimeDecay: LearningRateSchedule, Equatable {
  public let initial: Double
  public let decayRate: Double
  /// - Parameters:
  ///   - initial: α0 > 0.
  ///   - decayRate: r ≥ 0 (a negative r would make the rate grow and then blow up).
  public init(initial: Double, decayRate: Double) throws(ScheduleError) {
    try ScheduleError.checkInitial(initial)
    guard decayRate >= 0 && decayRate.isFinite else {
      throw ScheduleError(
        message:
          "an inverse-time schedule with rate \(decayRate) < 0 grows without bound; use a rate ≥ 0."
      )
    }
    self.initial = initial
    self.decayRate = decayRate
  }
  public func rate(at t: Int) -> Double { initial / (1 + decayRate * Double(t)) }
}
