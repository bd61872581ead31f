import Foundation

/// A function of two variables sampled on a regular grid, drawn as contour lines.
public struct ContourGrid: Equatable, Sendable {
  /// The sample abscissae, increasing.
  public let xs: [Double]
  /// The sample ordinates, increasing.
  public let ys: [Double]
  /// The values: `values[j][i]` is the function at `(xs[i], ys[j])`.
  public let values: [[Double]]

  /// Creates a grid from values already computed at `xs` × `ys`.
  ///
  /// - Parameters:
  ///   - xs: the abscissae.
  ///   - ys: the ordinates.
  ///   - values: one row per ordinate, one value per abscissa.
  public init(xs: [Double], ys: [Double], values: [[Double]]) {
    precondition(
      values.count == ys.count && values.allSatisfy { $0.count == xs.count },
      "the grid has \(ys.count) rows of \(xs.count) values")
    self.xs = xs
    self.ys = ys
    self.values = values
  }

  /// Samples `function` at `resolution` × `resolution` evenly spaced points covering the ranges.
  ///
  /// - Parameters:
  ///   - x: the range of the first variable.
  ///   - y: the range of the second variable.
  ///   - resolution: the number of samples along each axis, at least 2.
  ///   - function: the function, `z = f(x, y)`.
  public init(
    x: ClosedRange<Double>, y: ClosedRange<Double>, resolution: Int = 101,
    function: (Double, Double) -> Double
  ) {
    precondition(resolution >= 2, "a contour grid needs at least 2 samples per axis")
    func samples(_ range: ClosedRange<Double>) -> [Double] {
      (0..<resolution).map { i in
        range.lowerBound + (range.upperBound - range.lowerBound) * Double(i)
          / Double(resolution - 1)
      }
    }
    let xs = samples(x)
    let ys = samples(y)
    self.init(xs: xs, ys: ys, values: ys.map { y in xs.map { x in function(x, y) } })
  }

  /// Contour levels suited to the values: for a function that is nowhere negative, `count` levels
  /// in geometric progression from its largest value down by a factor 10⁴ (or to its smallest
  /// positive value), so the floor of a long valley still shows; otherwise `count` evenly spaced
  /// levels strictly between the smallest and largest values.
  public func suggestedLevels(count: Int = 15) -> [Double] {
    let finite = values.joined().filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max(), high > low, count >= 2 else { return [] }
    if low >= 0 {
      let floor = max(finite.filter { $0 > 0 }.min() ?? high, high * 1e-4)
      let ratio = high / floor
      return (0..<count).map { i in floor * Foundation.pow(ratio, Double(i) / Double(count - 1)) }
    }
    return (1...count).map { i in low + (high - low) * Double(i) / Double(count + 1) }
  }
}
