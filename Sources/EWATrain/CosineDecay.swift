import Foundation

/// Cosine decay from α0 to `α0·f` over `T` epochs, then constant (optax `cosine_decay_schedule`
/// with `alpha = f`; PyTorch `CosineAnnealingLR` with `eta_min = α0·f`, before its restart).
///
/// ```
/// α(e) = α0 · (f + (1-f)·(1 + cos(π·min(e, T)/T)) / 2)
/// ```
public struct CosineDecay: LearningRateSchedule, Equatable {
  public let initial: Double
  public let finalFraction: Double
  public let interval: Int
  /// - Parameters:
  ///   - initial: α0 > 0.
  ///   - finalFraction: f in [0, 1].
  ///   - interval: T ≥ 1.
  public init(initial: Double, finalFraction: Double, interval: Int) throws(ScheduleError) {
    try ScheduleError.checkInitial(initial)
    guard finalFraction >= 0 && finalFraction <= 1 else {
      throw ScheduleError(
        message: "a cosine schedule needs a final fraction in [0, 1], got \(finalFraction).")
    }
    guard interval >= 1 else {
      throw ScheduleError(message: "the decay interval must be at least 1, got \(interval).")
    }
    self.initial = initial
    self.finalFraction = finalFraction
    self.interval = interval
  }
  public func rate(at t: Int) -> Double {
    let progress = Double(min(t, interval)) / Double(interval)
    return initial * (finalFraction + (1 - finalFraction) * (1 + cos(Double.pi * progress)) / 2)
  }
}
