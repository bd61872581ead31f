/// Reduces a stream of points of unknown length to what a canvas can show, in bounded memory:
/// ``PointDecimator`` for a run that never says how long it will be (`ewa plot smooth --follow`).
///
/// Points arrive in blocks of ``blockSize``, each reduced by a ``PointDecimator`` as it is fed;
/// a finished block joins the settled points. When the settled points would pass ``limit`` they
/// are halved by one more ``PointDecimator`` pass and the blocks double in length, so old and
/// new stretches keep about the same density. The first point, the newest point and the
/// extremes of every stretch survive, as with ``PointDecimator``.
///
/// - Complexity: amortized O(1) per point; at most ``limit`` + ``blockLimit`` + 1 points held.
public struct StreamingDecimator: Sendable {
  /// The most settled points kept.
  public let limit: Int
  /// The most points one block keeps.
  public let blockLimit: Int
  /// The points per block, doubled at each halving.
  public private(set) var blockSize: Int
  /// The points fed so far.
  public private(set) var fed = 0

  private var settledX: [Double] = []
  private var settledY: [Double] = []
  private var block: PointDecimator
  private var fedInBlock = 0
  private var newest: (x: Double, y: Double)?

  /// Prepares to keep about `limit` points (at least 28) of a stream of any length.
  public init(limit: Int = PointDecimator.defaultLimit) {
    precondition(limit >= 28, "a streaming decimator keeps at least 28 points")
    self.limit = limit
    blockLimit = max(7, limit / 20)
    blockSize = blockLimit
    block = PointDecimator(count: blockLimit, limit: blockLimit)
  }

  /// Feeds the next point.
  public mutating func append(_ x: Double, _ y: Double) {
    block.append(x, y)
    fed += 1
    fedInBlock += 1
    newest = (x, y)
    guard fedInBlock == blockSize else { return }
    settledX += block.xs
    settledY += block.ys
    fedInBlock = 0
    if settledX.count + blockLimit > limit { halve() }
    block = PointDecimator(count: blockSize, limit: blockLimit)
  }

  /// The points kept, in input order: the settled ones, the current block's, and the newest.
  public var points: (xs: [Double], ys: [Double]) {
    var xs = settledX + block.xs
    var ys = settledY + block.ys
    if let newest, fedInBlock > 0, block.xs.count < fedInBlock {
      xs.append(newest.x)
      ys.append(newest.y)
    }
    return (xs, ys)
  }

  /// Reduces the settled points to about half and doubles the block length.
  private mutating func halve() {
    var half = PointDecimator(count: settledX.count, limit: max(7, settledX.count / 2))
    for (x, y) in zip(settledX, settledY) { half.append(x, y) }
    settledX = half.xs
    settledY = half.ys
    blockSize *= 2
  }
}
