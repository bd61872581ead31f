import ArgumentParser
import EWAPlot
import EWATrain

/// `ewa plot trajectory`: optimizers' paths over the contours of a test surface.
struct PlotTrajectory: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trajectory",
    abstract: "Plot the paths of several optimizers over the contour lines of a test surface.")

  @Option(help: "bowl, rosenbrock, beale or saddle.")
  var function: EWATrain.Surface

  @Option(help: "Comma-separated optimizers, e.g. gd,momentum,rmsprop,adam.")
  var optimizers: String = "gd,momentum,rmsprop,adam"

  @Option(parsing: .unconditional, help: "The starting point x,y (default -1.5,2).")
  var start: String = "-1.5,2"

  @Option(help: "Number of steps.")
  var steps: Int = 100

  @OptionGroup var optimizerOptions: OptimizerOptions

  @OptionGroup var plot: PlotOptions

  var point: (Double, Double)? { PathOptions.point(start) }

  func validate() throws {
    try PathOptions.check(start: start, steps: steps)
    try optimizerOptions.checkApplies(
      to: ChoiceList.parse(optimizers, option: "--optimizers", as: OptimizerKind.self))
  }

  func run() throws {
    try reportingErrors {
      let lr = optimizerOptions.lr ?? 0.01
      let paths = try ChoiceList.parse(optimizers, option: "--optimizers", as: OptimizerKind.self)
        .map { kind in
          try OptimizerPath.tracing(
            optimizerOptions.settings(for: kind), on: function, from: point!, steps: steps,
            learningRate: lr)
        }
      var figure = Figure.trajectory(on: function, paths: paths)
      figure.title = "\(figure.title ?? ""): \(steps) steps at α = \(lr)"
      try plot.draw(
        figure, name: "trajectory", comment: "ewa plot trajectory: \(function.rawValue)")
    }
  }
}
