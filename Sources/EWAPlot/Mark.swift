/// How a series is drawn.
public enum Mark: Equatable, Sendable {
  /// A line through the points (`with lines`).
  case lines(width: Double = 2, dash: Dash = .solid)
  /// A staircase: each value held until the next x (`with steps`), for piecewise-constant data
  /// such as a learning rate fixed within an epoch.
  case steps(width: Double = 2, dash: Dash = .solid)
  /// A dot per point (`with points`); `type` is gnuplot's point type (7 is a filled circle).
  case points(type: Int = 7, size: Double = 0.5)
  /// A line with a dot at every point (`with linespoints`).
  case linesPoints(width: Double = 2, type: Int = 7, size: Double = 0.6, dash: Dash = .solid)
  /// Coloured cells of a regular grid, columns x, y and a class index read through the figure's
  /// ``Figure/palette`` (`with image`).
  case image

  /// The dash pattern of a line (gnuplot's `dt` number).
  public enum Dash: Int, Equatable, Sendable {
    case solid = 1
    case dashed = 2
    case dotted = 3
    case dashDotted = 4
    case dashDoubleDotted = 5

    /// The pattern of curve number `index` (from 0) of a figure whose curves may coincide: the
    /// first solid, every later one broken (dashed, dotted, dash-dotted, dash-double-dotted,
    /// then again), so a curve drawn exactly over an earlier one still lets it show through
    /// its gaps.
    public static func distinct(_ index: Int) -> Dash {
      index == 0 ? .solid : [.dashed, .dotted, .dashDotted, .dashDoubleDotted][(index - 1) % 4]
    }
  }

  /// gnuplot's point types of curve number `index` (from 0) whose dots may coincide: a filled
  /// circle, square, triangle, inverted triangle, diamond, then again.
  public static func distinctPoint(_ index: Int) -> Int { [7, 5, 9, 11, 13][index % 5] }

  /// Whether it draws a line through the points (a text chart gives each line its character).
  var drawsLine: Bool {
    switch self {
    case .lines, .steps, .linesPoints: true
    case .points, .image: false
    }
  }

  /// The `with …` clause, without the colour.
  var gnuplot: String {
    switch self {
    case .lines(let width, let dash):
      return "with lines lw \(GnuplotNumber.format(width)) dt \(dash.rawValue)"
    case .steps(let width, let dash):
      return "with steps lw \(GnuplotNumber.format(width)) dt \(dash.rawValue)"
    case .points(let type, let size):
      return "with points pt \(type) ps \(GnuplotNumber.format(size))"
    case .linesPoints(let width, let type, let size, let dash):
      return
        "with linespoints lw \(GnuplotNumber.format(width)) pt \(type) ps \(GnuplotNumber.format(size))"
        + (dash == .solid ? "" : " dt \(dash.rawValue)")
    case .image:
      return "with image"
    }
  }
}
