/// The streaming cross-correlation of a smoothed series against its raw series at the shifts
/// `0...maximumLag`, and the shift where it peaks: how far the average trails the data.
///
/// For each shift `k` it keeps the sums of the pairs `(s_t, x_{t-k})` whose both values exist, and
/// the Pearson correlation
///
/// ```
/// r_k = (n Σsx - Σs Σx) / sqrt((n Σs² - (Σs)²) (n Σx² - (Σx)²))
/// ```
///
/// The values are taken relative to the first raw value, which leaves `r_k` unchanged and keeps
/// the sums of squares small.
///
/// - Complexity: O(`maximumLag`) time per row and O(`maximumLag`) memory, whatever the length.
struct LagCorrelation {
  let maximumLag: Int
  /// The last `maximumLag + 1` raw values, NaN where missing; `ring[(rows - 1) % count]` is
  /// the newest.
  private var ring: [Double]
  private var rows = 0
  private var origin: Double?
  private var n: [Double]
  private var sumS: [Double]
  private var sumX: [Double]
  private var sumSS: [Double]
  private var sumXX: [Double]
  private var sumSX: [Double]

  init(maximumLag: Int) {
    self.maximumLag = maximumLag
    ring = Array(repeating: .nan, count: maximumLag + 1)
    let zeros = [Double](repeating: 0, count: maximumLag + 1)
    (n, sumS, sumX, sumSS, sumXX, sumSX) = (zeros, zeros, zeros, zeros, zeros, zeros)
  }

  /// Adds one row: its raw value and its smoothed value (nil where missing).
  mutating func add(raw: Double?, smoothed: Double?) {
    if origin == nil, let raw { origin = raw }
    let base = origin ?? 0
    ring[rows % ring.count] = raw.map { $0 - base } ?? .nan
    rows += 1
    guard let smoothed else { return }
    let s = smoothed - base
    for k in 0...min(maximumLag, rows - 1) {
      let x = ring[(rows - 1 - k) % ring.count]
      guard !x.isNaN else { continue }
      n[k] += 1
      sumS[k] += s
      sumX[k] += x
      sumSS[k] += s * s
      sumXX[k] += x * x
      sumSX[k] += s * x
    }
  }

  /// The correlation at shift `k`, or nil with fewer than two pairs or a constant series.
  func correlation(at k: Int) -> Double? {
    guard n[k] >= 2 else { return nil }
    let covariance = n[k] * sumSX[k] - sumS[k] * sumX[k]
    let spread = (n[k] * sumSS[k] - sumS[k] * sumS[k]) * (n[k] * sumXX[k] - sumX[k] * sumX[k])
    guard spread > 0 else { return nil }
    return covariance / spread.squareRoot()
  }

  /// The shift with the largest correlation (the smallest shift among equals), or nil.
  var peak: (lag: Int, correlation: Double)? {
    var best: (lag: Int, correlation: Double)?
    for k in 0...maximumLag {
      if let r = correlation(at: k), r > best?.correlation ?? -.infinity { best = (k, r) }
    }
    return best
  }
}
