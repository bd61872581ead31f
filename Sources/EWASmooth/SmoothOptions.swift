import EWA
import EWAIO

/// What `ewa smooth` is asked to do, checked as a whole by ``validate()``.
public struct SmoothOptions: Sendable, Equatable {
  /// How each average starts.
  public enum Initial: String, Codable, Sendable, CaseIterable {
    /// `V_t / (1 - β^t)` from `V_0 = 0`: pandas `ewm(adjust=True)`.
    case corrected
    /// The raw `V_t` from `V_0 = 0`: the textbook curve, biased toward 0 at the start.
    case zero
    /// `V_1 = θ_1`: pandas `ewm(adjust=False)`, Miller's `step -a ewma`.
    case first
  }

  /// What a non-numeric cell in a smoothed column does.
  public enum BadValuePolicy: String, Sendable, CaseIterable {
    /// Stop with an error naming the cell.
    case fail
    /// Treat it as missing and count it.
    case skip
  }

  /// The decays, in order; at least one.
  public var decays: [DecaySpec]
  /// The columns to smooth, by name or 1-based index; empty means every column whose first
  /// non-missing value is a number, except the time and group-by columns.
  public var columns: [String] = []
  public var initial: Initial = .corrected
  /// pandas `ignore_na=True`: missing cells are not fed at all.
  public var ignoreMissing = false
  /// Also output the exponentially weighted standard deviation.
  public var standardDeviation = false
  /// Leave the output empty until this many observations.
  public var minPeriods = 0
  /// The column whose value keys an independent average.
  public var groupBy: String?
  /// The timestamp column for decay by elapsed time.
  public var time: String?
  /// The delimiter; nil detects it.
  public var delimiter: UInt8?
  /// False when the input has no header line; nil detects it.
  public var hasHeader: Bool?
  /// Overwrite the smoothed column instead of adding one.
  public var replace = false
  public var onBadValue: BadValuePolicy = .fail

  public init(decays: [DecaySpec]) { self.decays = decays }

  /// Checks the options together.
  ///
  /// - Throws: ``SmoothError/invalidOption(_:)`` with a sentence saying what conflicts.
  public func validate() throws(SmoothError) {
    if decays.isEmpty { throw .invalidOption("give at least one decay") }
    // The same decay twice would be two identical columns, named alike.
    for (i, decay) in decays.enumerated() {
      if let earlier = decays[..<i].first(where: {
        $0.suffix == decay.suffix
          || ($0.decay == decay.decay && $0.timeHalflife == decay.timeHalflife)
      }) {
        throw .invalidOption(
          "the decay \(MessageText.inline(decay.text)) is the same as \(MessageText.inline(earlier.text)); "
            + "give each decay once")
      }
    }
    if replace, decays.count > 1 {
      throw .invalidOption(
        "--replace overwrites the column, so it takes a single decay, not \(decays.count)")
    }
    if minPeriods < 0 {
      throw .invalidOption("--min-periods must be at least 0, got \(minPeriods)")
    }
    if time != nil {
      guard decays.allSatisfy({ $0.timeHalflife != nil }) else {
        throw .invalidOption("--time decays by elapsed time, so give the decay with --halflife")
      }
      if initial == .zero {
        throw .invalidOption(
          "--init zero cannot be used with --time: the uncorrected curve's scale 1 - β^t counts "
            + "steps, which irregular timestamps do not have; use corrected or first")
      }
    }
  }
}
