/// How a series is drawn.
public enum Mark: Equatable, Sendable {
  /// A line through the points (`with lines`).
  case lines(width: Double = 2, dash: Dash = .solid)
  /// A staircase: each value held until the next x (`with steps`), for piecewise-constant data
  /// such as a learning rate fixed within an epoch.
  case steps(width: Double = 2)
  /// A dot per point (`with points`); `type` is gnuplot's point type (7 is a filled circle).
  case points(type: Int = 7, size: Double = 0.5)
  /// A line with a dot at every point (`with linespoints`).
  case linesPoints(width: Double = 2, type: Int = 7, size: Double = 0.6)
  /// Coloured cells of a regular grid, columns x, y and a class index read through the figure's
  /// ``Figure/palette`` (`with image`).
  case image

  /// The dash pattern of a line.
  public enum Dash: Int, Equatable, Sendable {
    case solid = 1
    case dashed = 2
    case dotted = 3
  }

  /// The `with …` clause, without the colour.
  var gnuplot: String {
    switch self {
    case .lines(let width, let dash):
      return "with lines lw \(GnuplotNumber.format(width)) dt \(dash.rawValue)"
    case .steps(let width):
      return "with steps lw \(GnuplotNumber.format(width))"
    case .points(let type, let size):
      return "with points pt \(type) ps \(GnuplotNumber.format(size))"
    case .linesPoints(let width, let type, let size):
      return
        "with linespoints lw \(GnuplotNumber.format(width)) pt \(type) ps \(GnuplotNumber.format(size))"
    case .image:
      return "with image"
    }
  }
}
