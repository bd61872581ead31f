import EWAIO
import EWATrain

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
