import EWAIO

/// A half-life for `--time`: a duration with a unit (`90s`, `30min`, `6h`, `4d`, also `ms` and
/// `w`), or a plain number in the time column's own unit.
public enum TimeSpan: Codable, Equatable, Sendable {
  case nanoseconds(Int64)
  case plain(Double)

  /// Parses a half-life, or returns nil if `text` is not a positive duration.
  public static func parse(_ text: String) -> TimeSpan? {
    let units: [(String, Double)] = [
      ("ms", 1e6), ("s", 1e9), ("min", 60e9), ("h", 3600e9), ("d", 86_400e9), ("w", 604_800e9),
    ]
    var number = Substring(text)
    var scale: Double?
    for (suffix, nanoseconds) in units where text.hasSuffix(suffix) {
      let candidate = text.dropLast(suffix.count)
      if candidate.last.map({ $0.isNumber || $0 == "." }) == true {
        number = candidate
        scale = nanoseconds
        break
      }
    }
    var bytes = Array(number.utf8)
    guard let value = bytes.withUnsafeMutableBufferPointer({ NumberText.parse(.init($0)) }),
      value > 0
    else { return nil }
    guard let scale else { return .plain(value) }
    let total = (value * scale).rounded()
    guard total >= 1, total <= longest else { return nil }
    return .nanoseconds(Int64(total))
  }

  /// The longest half-life with a unit, in nanoseconds: 100,000 days (about 274 years), below
  /// the 292 years an `Int64` count of nanoseconds holds.
  public static let longest = 8.64e18

  /// Whether the half-life carries a unit.
  public var hasUnit: Bool {
    if case .nanoseconds = self { return true }
    return false
  }

  /// The time from `previous` to `current` in half-lives, as pandas computes it for `times=`
  /// (both instants as float64 nanoseconds, their difference divided by the half-life):
  ///
  /// ```
  /// elapsed = (Double(t) - Double(t_prev)) / halflife
  /// ```
  ///
  /// Plain-number timestamps with a half-life that has a unit are taken as seconds (Unix time).
  /// Returns nil when a plain-number half-life meets instants (the unit would be a guess).
  public func elapsed(from previous: TimeValue, to current: TimeValue) -> Double? {
    switch (previous, current, self) {
    case (.instant(let a), .instant(let b), .nanoseconds(let h)):
      return (Double(b) - Double(a)) / Double(h)
    case (.number(let a), .number(let b), .plain(let h)):
      return (b - a) / h
    case (.number(let a), .number(let b), .nanoseconds(let h)):
      return (b - a) / (Double(h) / 1e9)
    default:
      return nil
    }
  }
}
