extension Figure {
  /// The span of the finite `values`, for an axis that should end where the data ends rather
  /// than at gnuplot's next round tic; `nil` when there are fewer than two distinct finite
  /// values (gnuplot then chooses).
  static func range(of values: [Double]) -> ClosedRange<Double>? {
    var low = Double.infinity
    var high = -Double.infinity
    for value in values where value.isFinite {
      low = min(low, value)
      high = max(high, value)
    }
    return low < high ? low...high : nil
  }
}
