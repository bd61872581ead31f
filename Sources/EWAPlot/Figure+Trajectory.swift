/// The path an optimizer took over a function of two variables.
public struct OptimizerPath: Equatable, Sendable {
  /// The optimizer's name, which also names the path's data.
  public var name: String
  /// The legend entry when it says more than the name (e.g. `adam, α = 0.05`), else `nil`.
  public var title: String?
  /// The first coordinate after each step (the start first).
  public var xs: [Double]
  /// The second coordinate after each step (the start first).
  public var ys: [Double]

  /// Creates a path from its coordinates, equal in number, with an optional legend entry.
  public init(name: String, title: String? = nil, xs: [Double], ys: [Double]) {
    precondition(xs.count == ys.count, "the coordinates of \(name) differ in length")
    self.name = name
    self.title = title
    self.xs = xs
    self.ys = ys
  }
}

extension Figure {
  /// The trajectory figure: contour lines of the function, traced by gnuplot from the grid written
  /// inline, with each optimizer's path on top (a dot at every step for paths of up to 100 steps,
  /// a larger dot at the end of longer ones, drawn over every line so where each optimizer got to
  /// shows even where the paths share a valley) and the minimum marked. Each path's dots have a
  /// shape of their own (``Mark/distinctPoint(_:)``), so where one ends on another (gd and
  /// momentum at a small rate) both show; the lines stay solid, since a dash pattern breaks up
  /// on a path of a thousand short steps.
  ///
  /// - Parameters:
  ///   - grid: the function optimized, sampled on a grid that sets the axes' ranges.
  ///   - paths: one path per optimizer.
  ///   - levels: the contour levels, by default ``ContourGrid/suggestedLevels(count:)``.
  ///   - minimum: the point to mark as the minimum, or `nil`.
  /// - Returns: the figure, untitled; the command may give it a title.
  public static func trajectory(
    grid: ContourGrid, paths: [OptimizerPath], levels: [Double]? = nil,
    minimum: (x: Double, y: Double)? = nil
  ) -> Figure {
    var series = paths.enumerated().map { index, path in
      Series(
        name: path.name, title: path.title ?? path.name, x: path.xs, y: path.ys,
        mark: path.xs.count <= 101
          ? .linesPoints(width: 2, type: Mark.distinctPoint(index), size: 0.5) : .lines(width: 2),
        color: .series(index))
    }
    for (index, path) in paths.enumerated() where path.xs.count > 101 {
      series.append(
        Series(
          name: path.name + "_end", title: nil, x: [path.xs[path.xs.count - 1]],
          y: [path.ys[path.ys.count - 1]],
          mark: .points(type: Mark.distinctPoint(index), size: 1.5),
          color: .series(index)))
    }
    if let minimum {
      series.append(
        Series(
          name: "minimum", title: "minimum", x: [minimum.x], y: [minimum.y],
          mark: .points(type: 3, size: 2.5), color: Color(rgb: 0x000000)))
    }
    return Figure(
      xLabel: "x", yLabel: "y",
      xRange: grid.xs.first.map { $0...(grid.xs.last ?? $0) },
      yRange: grid.ys.first.map { $0...(grid.ys.last ?? $0) },
      contours: Contours(grid: grid, levels: levels ?? grid.suggestedLevels()),
      series: series)
  }
}
