/// A linear warm-up of `W` epochs in front of another schedule, which then starts at its time 0
/// (optax `join_schedules`, PyTorch `SequentialLR` with `LinearLR`).
///
/// ```
/// α(e) = base(0) · (e+1)/(W+1)    for e < W
/// α(e) = base(e - W)              for e ≥ W
/// ```
public struct LinearWarmUp: LearningRateSchedule {
  public let length: Int
  public let base: any LearningRateSchedule
  /// - Parameters:
  ///   - length: W ≥ 0 warm-up epochs (0: no warm-up).
  ///   - base: the schedule after the warm-up.
  public init(length: Int, base: any LearningRateSchedule) throws(ScheduleError) {
    guard length >= 0 else {
      throw ScheduleError(message: "the warm-up length must be zero or positive, got \(length).")
    }
    self.length = length
    self.base = base
  }
  public func rate(at t: Int) -> Double {
    t < length
      ? base.rate(at: 0) * (Double(t) + 1) / (Double(length) + 1) : base.rate(at: t - length)
  }
}
