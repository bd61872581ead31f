import EWATrain

extension ScheduleCurve {
  /// A learning-rate schedule of the training library sampled at epochs (or steps) 1 to `count`;
  /// epoch `e` trains at `rate(at: e - 1)`, as ``Trainer`` does.
  ///
  /// - Parameters:
  ///   - settings: the schedule, with α0.
  ///   - count: the epochs (or steps) to sample.
  /// - Returns: the curve, named after the schedule and its parameters.
  /// - Throws: ``ScheduleError`` for an out-of-range parameter.
  public static func sampling(_ settings: ScheduleSettings, count: Int) throws(ScheduleError)
    -> ScheduleCurve
  {
    let schedule = try settings.make()
    return ScheduleCurve(
      name: settings.legend, epochs: (1...max(count, 1)).map(Double.init),
      rates: (0..<max(count, 1)).map { schedule.rate(at: $0) })
  }
}
