import ArgumentParser
import EWA
import EWATrain

extension Surface: ExpressibleByArgument {}

/// `ewa trajectory`: the path of an optimizer on a two-dimensional surface, as CSV.
struct Trajectory: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print an optimizer's path on a test surface as CSV step,x,y,loss.")

  @Option(help: "bowl, rosenbrock, beale or saddle.")
  var function: Surface

  @Option(help: "gd, momentum, rmsprop, adam, nesterov, adamw or amsgrad.")
  var optimizer: OptimizerKind

  @Option(parsing: .unconditional, help: "The starting point x,y, e.g. --start -1.5,2.")
  var start: String

  @Option(help: "Number of steps.")
  var steps: Int

  @OptionGroup var optimizerOptions: OptimizerOptions

  var point: (Double, Double)? { PathOptions.point(start) }

  func validate() throws {
    try PathOptions.check(start: start, steps: steps)
    try optimizerOptions.checkApplies(to: [optimizer])
  }

  func run() throws {
    try reportingErrors {
      var live = try optimizerOptions.settings(for: optimizer).make(count: 2)
      let points = function.trajectory(
        optimizer: &live, start: point!, steps: steps, learningRate: optimizerOptions.lr ?? 0.01)
      try StandardOutput.print("step,x,y,loss")
      for (i, p) in points.enumerated() { try StandardOutput.print("\(i),\(p.x),\(p.y),\(p.loss)") }
    }
  }
}
