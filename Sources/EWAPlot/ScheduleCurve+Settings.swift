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

extension ScheduleSettings {
  /// The schedule's name and parameters, e.g. `staircase, r = 1, T = 1000`.
  public var legend: String {
    let r = "r = \(Self.short(rate ?? kind.defaultRate))"
    var text =
      switch kind {
      case .none: "constant"
      case .inverseTime, .exponential: "\(kind.rawValue), \(r)"
      case .inverseSqrt: "inverse-sqrt, k = \(Self.short(rate ?? kind.defaultRate))"
      case .staircase: "staircase, \(r), T = \(interval)"
      case .step: "step, γ = \(Self.short(rate ?? kind.defaultRate)), T = \(interval)"
      case .manual: "manual"
      case .cosine: "cosine, final \(Self.short(rate ?? kind.defaultRate)), T = \(interval)"
      }
    if warmUp > 0 { text += ", warm-up \(warmUp)" }
    return text
  }

  /// A number without a trailing `.0`.
  private static func short(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }
}
