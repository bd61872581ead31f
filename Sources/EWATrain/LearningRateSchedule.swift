/// A learning rate as a closed-form function of time: the epoch (default) or the step.
public protocol LearningRateSchedule: Sendable {
  /// The rate at time `t` (0 is the first epoch or step).
  func rate(at t: Int) -> Double
}
