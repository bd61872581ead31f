import EWAIO
import Foundation

/// What each decay does to a column, measured on the numbers `ewa smooth` computes
/// (`ewa smooth --describe`): the effective window, the lag behind the data and the roughness.
///
/// Per smoothed column and decay:
/// - **window** `1/(1-β)`, the rows the average effectively spans; **mean age** `β/(1-β)`, the
///   mean age of its weights (pandas' centre of mass), the lag in theory on a smooth series;
/// - **lag**, measured: the shift `k` in rows, `0 ≤ k ≤ min(⌈5·window⌉, 1000)`, at which the
///   Pearson correlation of the smoothed `s_t` against the raw `x_{t-k}` peaks
///   (``LagCorrelation``), and that peak **correlation**. On a noisy series it lies below the mean
///   age: today's noise is in today's average, so the small shifts keep some correlation;
/// - **roughness**, the mean absolute first difference `mean |s_t - s_{t-1}|` over consecutive
///   rows that both have a value; the `raw` row gives the data's own.
///
/// The smoothed values come from ``Smoother`` itself (its kernel's means), so every option of
/// `ewa smooth` that changes them (`--init`, `--ignore-na`, `--min-periods`, …) changes these.
/// Memory is bounded by the lag search, not by the input length.
public final class SmoothDescription {
  /// The longest shift searched for the lag, whatever the window.
  public static let maximumLag = 1000

  /// One line of the description.
  public struct Row: Equatable, Sendable {
    public var column: String
    /// The decay's column suffix (`0.9`, `span10`), or `raw` for the data.
    public var decay: String
    public var window: Double?
    public var meanAge: Double?
    public var lag: Int?
    public var correlation: Double?
    public var roughness: Double?
  }

  private let options: SmoothOptions
  private var smoother: Smoother!
  private var lags: [[LagCorrelation]] = []
  /// Per column: the raw roughness, then one per decay.
  private var roughness: [[Roughness]] = []

  /// A description of the columns `options` smooths.
  ///
  /// - Throws: ``SmoothError/invalidOption(_:)`` with `--group-by` (a lag across interleaved
  ///   groups means nothing) or with decay by elapsed time (the window is not in rows).
  public init(options: SmoothOptions) throws(SmoothError) {
    if options.groupBy != nil {
      throw .invalidOption("--describe measures one series per column; drop --group-by")
    }
    if options.decays.contains(where: { $0.timeHalflife != nil }) {
      throw .invalidOption(
        "--describe measures windows and lags in rows; it cannot describe decay by elapsed time "
          + "(--time with --halflife)")
    }
    self.options = options
    smoother = Smoother(options: options) { [unowned self] kernel, _, _, _ throws(SmoothError) in
      self.observe(kernel)
    }
  }

  private func observe(_ kernel: SmoothKernel) {
    let columns = kernel.layout.smoothed.count
    if lags.isEmpty {
      let maximumLags = options.decays.map {
        min(Int((5 * $0.decay.window).rounded(.up)), Self.maximumLag)
      }
      lags = (0..<columns).map { _ in maximumLags.map { LagCorrelation(maximumLag: $0) } }
      roughness = Array(
        repeating: Array(repeating: Roughness(), count: options.decays.count + 1), count: columns)
    }
    for k in 0..<columns {
      let raw = kernel.value(column: k)
      roughness[k][0].add(raw)
      for d in options.decays.indices {
        let mean = kernel.mean(column: k, decay: d, group: 0)
        lags[k][d].add(raw: raw, smoothed: mean)
        roughness[k][d + 1].add(mean)
      }
    }
  }

  /// Reads one input, as ``Smoother/process(name:source:)`` does.
  public func process<Source: ByteSource>(name: String, source: Source) throws(SmoothError) {
    try smoother.process(name: name, source: source)
  }

  /// The rows after the last input: per column, `raw` then each decay.
  public func finish() throws(SmoothError) -> [Row] {
    try smoother.finish()
    guard let layout = smoother.layout else { return [] }
    var rows: [Row] = []
    for (k, index) in layout.smoothed.enumerated() where k < lags.count {
      let name = layout.names[index]
      rows.append(Row(column: name, decay: "raw", roughness: roughness[k][0].mean))
      for (d, spec) in options.decays.enumerated() {
        let peak = lags[k][d].peak
        rows.append(
          Row(
            column: name, decay: spec.suffix, window: spec.decay.window,
            meanAge: spec.decay.centerOfMass, lag: peak?.lag, correlation: peak?.correlation,
            roughness: roughness[k][d + 1].mean))
      }
    }
    return rows
  }

  /// The rows as an aligned table with a header line; `-` where a value does not exist.
  public static func table(_ rows: [Row]) -> String {
    let header = ["column", "decay", "window", "mean age", "lag", "correlation", "roughness"]
    let cells = rows.map { row -> [String] in
      [
        row.column, row.decay, row.window.map { String(format: "%.4g", $0) } ?? "-",
        row.meanAge.map { String(format: "%.4g", $0) } ?? "-", row.lag.map { "\($0)" } ?? "-",
        row.correlation.map { String(format: "%.4f", $0) } ?? "-",
        row.roughness.map { String(format: "%.4f", $0) } ?? "-",
      ]
    }
    return TextTable.aligned([header] + cells, leftColumns: 2)
  }
}

/// The mean absolute first difference of a series, over consecutive values that both exist.
struct Roughness {
  private var previous: Double?
  private var sum = 0.0
  private var count = 0

  mutating func add(_ value: Double?) {
    if let value, let previous {
      sum += abs(value - previous)
      count += 1
    }
    previous = value
  }

  var mean: Double? { count > 0 ? sum / Double(count) : nil }
}
