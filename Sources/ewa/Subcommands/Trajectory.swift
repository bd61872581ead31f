import ArgumentParser
import EWA
import EWAIO
import EWASmooth
import EWATrain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension TestFunction: ExpressibleByArgument {}

/// `ewa trajectory`: the path of an optimizer on a two-dimensional surface, as CSV.
struct Trajectory: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print an optimizer's path on a test surface as CSV step,x,y,loss.")

  @Option(help: "The test surface (formulas in the README).")
  var function: TestFunction

  @Option(help: "The optimizer.")
  var optimizer: OptimizerKind

  @Option(parsing: .unconditional, help: "The starting point x,y, e.g. --start -1.5,2.")
  var start: PlanePoint

  @Option(help: "Number of steps.")
  var steps: Int

  @OptionGroup var optimizerOptions: OptimizerOptions<PathOptionsHelp>

  func validate() throws {
    try PathOptions.check(start: start, steps: steps)
    try optimizerOptions.checkApplies(to: [optimizer])
  }

  /// Streams the path: each row is written as it is computed, so memory stays constant whatever
  /// `--steps`, and `| head` ends the run at once (a closed pipe exits quietly with status 0).
  /// The path stops at the first point that is not finite, with status 65 naming the step.
  func run() throws {
    try reportingErrors {
      var live = try optimizerOptions.settings(for: optimizer).make(count: 2)
      let rate = optimizerOptions.lr ?? 0.01
      signal(SIGPIPE, SIG_IGN)
      // The rows stream straight to the descriptor; a standard output closed at start is 74.
      try StandardOutput.checkOpen()
      let output = OutputBuffer(sink: FileDescriptorSink(descriptor: STDOUT_FILENO))
      var escape: (step: Int, x: Double, y: Double, loss: Double)?
      do {
        try output.append("step,x,y,loss\n")
        try function.walk(
          optimizer: &live, start: start.coordinates!, steps: steps, learningRate: rate
        ) {
          (step, x, y, loss) throws(IOError) -> Bool in
          guard x.isFinite, y.isFinite, loss.isFinite else {
            escape = (step, x, y, loss)
            return false
          }
          // Shortest round-trip digits, as `ewa smooth` prints (`-9`, not `-9.0`), without a
          // String per row.
          try output.append(String(step))
          try output.append(UInt8(ascii: ","))
          try NumberText.append(x, to: output)
          try output.append(UInt8(ascii: ","))
          try NumberText.append(y, to: output)
          try output.append(UInt8(ascii: ","))
          try NumberText.append(loss, to: output)
          try output.append(UInt8(ascii: "\n"))
          return true
        }
        try output.flush()
      } catch IOError.outputClosed {
        throw ExitCode.success
      }
      if let escape {
        throw TrainingError.divergence(
          "the path is not finite at step \(escape.step) (x = \(NumberText.format(escape.x)), y = \(NumberText.format(escape.y)), f = \(NumberText.format(escape.loss))); the steps before it were printed; try a smaller learning rate (--lr, now \(NumberText.format(rate)))."
        )
      }
    }
  }
}
