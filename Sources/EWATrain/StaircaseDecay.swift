/// Inverse-time decay in stairs of `T` epochs (the textbook's "fixed interval scheduling").
///
/// ```
/// α(e) = α0 / (1 + r·⌊e/T⌋)
/// ```
public struct StaircaseDecay: LearningRateSchedule, Equatable {
  public let initial: Double
  public let decayRate: Double
  public let interval: Int
  /// - Parameters:
  ///   - initial: α0 > 0.
  ///   - decayRate: r ≥ 0.
  ///   - interval: T ≥ 1.
  public init(initial: Double, decayRate: Double, interval: Int) throws(ScheduleError) {
    try ScheduleError.checkInitial(initial)
    guard decayRate >= 0 && decayRate.isFinite else {
      throw ScheduleError(
        message:
          "a staircase schedule with rate \(decayRate) < 0 grows without bound; use a rate ≥ 0.")
    }
    guard interval >= 1 else {
      throw ScheduleError(message: "the decay interval must be at least 1, got \(interval).")
    }
    self.initial = initial
    self.decayRate = decayRate
    self.interval = interval
  }
  public func rate(at t: Int) -> Double { initial / (1 + decayRate * Double(t / interval)) }
}
