import ArgumentParser
import EWAGallery
import EWAIO
import EWAPlot
import EWATrain

/// `ewa plot trajectory`: optimizers' paths over the contours of a test surface.
struct PlotTrajectory: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trajectory",
    abstract: "Plot the paths of several optimizers over the contour lines of a test surface.",
    discussion: """
      --lr takes one rate for every optimizer or one rate per optimizer, comma-separated in the \
      order of --optimizers (e.g. --optimizers gd,momentum,rmsprop,adam --lr \
      0.001,0.001,0.01,0.05); with one per optimizer the legend names each rate \
      (adam, α = 0.05). Paths of more than 100 steps end in a dot.
      """)

  @Option(help: "The test surface (formulas in the README).")
  var function: TestFunction

  @Option(help: "Comma-separated optimizers, e.g. gd,momentum,rmsprop,adam.")
  var optimizers = CommaSeparated<OptimizerKind>(argument: "gd,momentum,rmsprop,adam")

  @Option(parsing: .unconditional, help: "The starting point x,y.")
  var start = PlanePoint(argument: "-1.5,2")

  @Option(
    help: ArgumentHelp(
      "Number of steps, at most \(PlotTrajectory.maximumSteps) (longer paths are thinned to "
        + "the few thousand points a canvas shows)."))
  var steps: Int = 100

  /// The most steps drawn: each is computed for every optimizer, while the figure keeps at most
  /// ``PointDecimator/defaultLimit`` points of a path.
  static let maximumSteps = 1_000_000

  @OptionGroup var optimizerOptions: OptimizerOptions<PlotPathOptionsHelp>

  @OptionGroup var plot: PlotOptions<StillTerminals>

  func validate() throws {
    try PathOptions.check(start: start, steps: steps)
    guard steps <= Self.maximumSteps else {
      throw ValidationError(
        "--steps \(steps) is more than plot trajectory draws: at most \(Self.maximumSteps) "
          + "steps (a canvas shows a few thousand points of a path; `ewa trajectory` prints "
          + "every step).")
    }
    try optimizerOptions.checkApplies(
      to: optimizers.choices(option: "--optimizers"), ratePerOptimizer: true)
  }

  func run() throws {
    try reportingErrors {
      try FileRoles.check(plot.outputRoles(name: "trajectory"))
      let rates = optimizerOptions.learningRates(default: 0.01)
      let kinds = try optimizers.choices(option: "--optimizers")
      let paths = try OptimizerPath.tracing(
        kinds.map(optimizerOptions.settings(for:)), on: function, from: start.coordinates!,
        steps: steps,
        learningRates: rates)
      var figure = Figure.trajectory(on: function, paths: paths)
      figure.title =
        "\(figure.title ?? ""): \(OptimizerPath.stepsTitle(steps: steps, learningRates: rates))"
      try plot.draw(
        figure, name: "trajectory", subject: "the paths on \(function.rawValue)",
        comment: "ewa plot trajectory: \(function.rawValue)")
    }
  }
}
