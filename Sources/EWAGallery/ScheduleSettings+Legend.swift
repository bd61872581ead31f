import EWATrain

extension ScheduleSettings {
  /// The schedule's name and parameters, e.g. `staircase, r = 1, T = 1000`.
  public var legend: String {
    let r = "r = \(CaptionText.short(rate ?? kind.defaultRate))"
    var text =
      switch kind {
      case .none: "constant"
      case .inverseTime, .exponential: "\(kind.rawValue), \(r)"
      case .inverseSqrt: "inverse-sqrt, k = \(CaptionText.short(rate ?? kind.defaultRate))"
      case .staircase: "staircase, \(r), T = \(interval)"
      case .step: "step, γ = \(CaptionText.short(rate ?? kind.defaultRate)), T = \(interval)"
      case .manual: "manual"
      case .cosine: "cosine, final \(CaptionText.short(rate ?? kind.defaultRate)), T = \(interval)"
      }
    if warmUp > 0 { text += ", warm-up \(warmUp)" }
    return text
  }
}
