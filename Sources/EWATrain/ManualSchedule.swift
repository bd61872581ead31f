/// A rate given by hand: `epoch:rate` pairs, each rate holding from its epoch until the next.
///
/// ```
/// α(e) = rate of the last pair with epoch ≤ e   (α0 before the first pair)
/// ```
public struct ManualSchedule: LearningRateSchedule, Equatable {
  public let initial: Double
  public let points: [Point]

  /// One `epoch:rate` pair.
  public struct Point: Codable, Equatable, Sendable {
    public let epoch: Int
    public let rate: Double
    public init(epoch: Int, rate: Double) {
      self.epoch = epoch
      self.rate = rate
    }
  }

  /// - Parameters:
  ///   - initial: α0 > 0, used before the first pair.
  ///   - points: pairs with increasing epochs ≥ 0 and positive rates.
  public init(initial: Double, points: [Point]) throws(ScheduleError) {
    try ScheduleError.checkInitial(initial)
    guard !points.isEmpty else {
      throw ScheduleError(message: "a manual schedule needs at least one epoch:rate pair.")
    }
    for (i, p) in points.enumerated() {
      guard p.epoch >= 0, p.rate > 0, p.rate.isFinite, i == 0 || p.epoch > points[i - 1].epoch
      else {
        throw ScheduleError(
          message:
            "manual schedule pair \(i + 1) (\(p.epoch):\(p.rate)) must have an epoch ≥ 0 above the previous one and a positive rate."
        )
      }
    }
    self.initial = initial
    self.points = points
  }

  /// Parses `epoch:rate,epoch:rate`.
  public static func parse(_ text: String) throws(ScheduleError) -> [Point] {
    var result: [Point] = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false) {
      let parts = item.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count == 2, let e = Int(parts[0]), let r = Double(parts[1]) else {
        throw ScheduleError(
          message: "\"\(item)\" in the manual schedule is not an epoch:rate pair.")
      }
      result.append(Point(epoch: e, rate: r))
    }
    return result
  }

  public func rate(at t: Int) -> Double { points.last { $0.epoch <= t }?.rate ?? initial }
}
