import ArgumentParser
import EWAPlot

/// `--logscale`, offered by the plot commands whose axes can mean something on a logarithmic
/// scale: costs, learning rates, steps, positive data. A trajectory's or a decision boundary's
/// axes are coordinates that cross zero, and a date axis is not a quantity, so those do not
/// offer it (and ``EWAPlot/Figure/checkDrawable(subject:)`` refuses a logarithmic date axis).
///
/// Values ≤ 0 on a logarithmic axis are refused by ``EWAPlot/Figure/checkDrawable(subject:)``
/// before gnuplot runs, for every axis this option names.
struct LogScaleOption: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Draw these axes on a logarithmic scale: x, y or xy (every value drawn must be positive).",
      valueName: "axes"))
  var logscale: Choice?

  /// Axes named by `--logscale`.
  enum Choice: String, CaseIterable, ExpressibleByArgument {
    case x, y, xy
    var axes: Set<Figure.Axis> {
      switch self {
      case .x: [.x]
      case .y: [.y]
      case .xy: [.x, .y]
      }
    }
  }

  /// `figure` with the asked-for axes logarithmic (as it was without `--logscale`).
  func apply(to figure: Figure) -> Figure {
    var figure = figure
    if let logscale { figure.logScale = logscale.axes }
    return figure
  }
}
