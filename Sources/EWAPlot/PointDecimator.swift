/// Reduces a long run of points, fed one at a time, to what a canvas can show, in bounded memory.
///
/// Up to ``limit`` points are all kept. Beyond that the points between the first and the last are
/// cut into equal runs of consecutive points, and each run keeps only the points with the
/// smallest and largest x and y (and its first point with a non-finite coordinate, where a line
/// breaks), in their order: the first and the last point and every extreme survive, so the
/// figure's frame and its spikes are those of the whole run, and at most ``limit`` points are
/// held at any time.
public struct PointDecimator: Sendable {
  /// The most points a figure series keeps by default: several per pixel of a standard canvas.
  public static let defaultLimit = 5002

  /// The most points kept.
  public let limit: Int
  /// The number of points that will be fed.
  public let count: Int
  /// The consecutive points that share one run (1 when every point is kept).
  let runLength: Int

  /// The points kept so far.
  public private(set) var xs: [Double] = []
  /// The points kept so far.
  public private(set) var ys: [Double] = []

  private var fed = 0
  private var run: [Candidate?] = Array(repeating: nil, count: 5)

  /// A point of the current run that may be kept, with its position in the input.
  private struct Candidate: Sendable {
    let index: Int
    let x: Double
    let y: Double
  }

  /// Prepares to keep at most `limit` (at least 7) of `count` points.
  public init(count: Int, limit: Int = defaultLimit) {
    precondition(limit >= 7, "a decimator keeps at least 7 points")
    self.count = max(count, 0)
    self.limit = limit
    let interior = self.count - 2
    let runs = (limit - 2) / 5
    runLength = self.count <= limit ? 1 : (interior + runs - 1) / runs
    let reserved = min(self.count, limit)
    xs.reserveCapacity(reserved)
    ys.reserveCapacity(reserved)
  }

  /// Feeds the next point.
  public mutating func append(_ x: Double, _ y: Double) {
    defer { fed += 1 }
    guard runLength > 1, fed > 0, fed < count - 1 else {
      if runLength > 1 && fed == count - 1 { flush() }
      xs.append(x)
      ys.append(y)
      return
    }
    let point = Candidate(index: fed, x: x, y: y)
    if x.isFinite && y.isFinite {
      if run[0].map({ x < $0.x }) ?? true { run[0] = point }
      if run[1].map({ x > $0.x }) ?? true { run[1] = point }
      if run[2].map({ y < $0.y }) ?? true { run[2] = point }
      if run[3].map({ y > $0.y }) ?? true { run[3] = point }
    } else if run[4] == nil {
      run[4] = point
    }
    if fed % runLength == 0 { flush() }
  }

  /// Appends the current run's kept points in input order and starts a new run.
  private mutating func flush() {
    var kept = run.compactMap { $0 }
    kept.sort { $0.index < $1.index }
    var last = -1
    for point in kept where point.index != last {
      xs.append(point.x)
      ys.append(point.y)
      last = point.index
    }
    run = Array(repeating: nil, count: 5)
  }
}
