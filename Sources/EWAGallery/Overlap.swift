/// Where one curve of a figure lies under a later one, drawn over it, closer than a line is
/// wide: the stretch a caption must name, since the reader cannot see the curve there.
struct Overlap: Equatable, Sendable {
  /// The curve drawn first, hidden.
  var under: String
  /// The curve drawn over it.
  var over: String
  /// The x values where the stretch starts and ends.
  var from: Double
  var to: Double

  /// The longest stretch of at least `minimum` consecutive samples where curve `j` is within
  /// `tolerance` of an earlier curve `i`, for each pair that has one, in drawing order.
  ///
  /// - Parameters:
  ///   - curves: name, x and y of each curve in drawing order; pairs are compared sample by
  ///     sample, so the curves must share their x values (the shorter one bounds the pair).
  ///   - tolerance: the largest difference in y that a reader cannot see (about a line's width).
  ///   - minimum: the fewest samples in a stretch worth naming.
  /// - Returns: one overlap per hidden pair.
  /// - Complexity: O(n·k²) for k curves of n samples.
  static func find(
    _ curves: [(name: String, x: [Double], y: [Double])], tolerance: Double, minimum: Int
  ) -> [Overlap] {
    var found: [Overlap] = []
    for j in curves.indices {
      for i in curves.indices where i < j {
        let count = min(curves[i].y.count, curves[j].y.count)
        var best = 0..<0
        var start = 0
        for k in 0...count {
          let close = k < count && abs(curves[i].y[k] - curves[j].y[k]) <= tolerance
          if close { continue }
          if k - start > best.count { best = start..<k }
          start = k + 1
        }
        guard best.count >= minimum else { continue }
        found.append(
          Overlap(
            under: curves[i].name, over: curves[j].name, from: curves[i].x[best.lowerBound],
            to: curves[i].x[best.upperBound - 1]))
      }
    }
    return found
  }
}
