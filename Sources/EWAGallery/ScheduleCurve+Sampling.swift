import EWAIO
import EWAPlot
import EWATrain

extension ScheduleCurve {
  /// A learning-rate schedule of the training library sampled at epochs (or steps) 1 to `count`;
  /// epoch `e` trains at `rate(at: e - 1)`, as ``Trainer`` does.
  ///
  /// - Parameters:
  ///   - settings: the schedule, with α0.
  ///   - count: the epochs (or steps) to sample.
  ///   - limit: the most points kept (see ``PointDecimator``).
  /// - Returns: the curve, named after the schedule and its parameters; beyond `limit` epochs,
  ///   the first, the last and the extremes of each stretch (``PointDecimator``), so memory stays
  ///   bounded however many epochs are sampled.
  /// - Throws: ``ScheduleError`` for an out-of-range parameter.
  public static func sampling(
    _ settings: ScheduleSettings, count: Int, limit: Int = PointDecimator.defaultLimit
  ) throws(ScheduleError) -> ScheduleCurve {
    let schedule = try settings.make()
    let count = max(count, 1)
    var kept = PointDecimator(count: count, limit: limit)
    for epoch in 0..<count { kept.append(Double(epoch + 1), schedule.rate(at: epoch)) }
    return ScheduleCurve(name: settings.legend, epochs: kept.xs, rates: kept.ys)
  }
}
