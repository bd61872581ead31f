import ArgumentParser
import EWAGallery
import EWAIO
import EWAPlot
import EWATrain

/// `ewa plot history`: training cost per mini-batch (noisy and smoothed) and per epoch.
struct PlotHistory: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract:
      "Plot training histories: mini-batch cost, its EWA, and epoch cost, one colour per run.",
    discussion: """
      RUN.csv is what `ewa train --history RUN.csv` writes (one run, named after the file) or \
      `ewa compare --history RUN.csv` (one run per optimizer). The mini-batch costs in \
      RUN-batches.csv beside it are drawn too, with their exponentially weighted average.
      """)

  @Argument(
    help: ArgumentHelp("The history files.", valueName: "run.csv"),
    completion: .file(extensions: ["csv"]))
  var runs: [String]

  @Option(
    help: ArgumentHelp("The decay β of the smoothed mini-batch line, in [0, 1).", valueName: "β"))
  var beta: Double = 0.98

  @OptionGroup var plot: PlotOptions

  func validate() throws {
    guard !runs.isEmpty else { throw ValidationError("Give at least one history file RUN.csv.") }
    guard beta >= 0 && beta < 1 else {
      throw ValidationError("--beta \(beta) is not a decay in [0, 1).")
    }
  }

  func run() throws {
    try reportingErrors {
      try FileRoles.check(
        runs.flatMap {
          FileRoles.input("the history", $0)
            + FileRoles.input("the batch file", TrainingHistory.batchPath(for: $0))
        }, plot.outputRoles(name: "history"))
      let loaded = try runs.flatMap { path in
        let epochs = try InputBytes.read(path).bytes
        let batchPath = TrainingHistory.batchPath(for: path)
        let batches = try InputBytes.readIfPresent(batchPath).map { ($0, batchPath) }
        let name = GnuplotRunner.stem(of: path)
        let found = try TrainingHistory.runs(
          epochs: (epochs, path), batches: batches, name: name
        ).map(TrainingRun.init)
        guard runs.count > 1, found.count > 1 else { return found }
        return found.map { run in
          var run = run
          run.name = "\(name) \(run.name)"
          return run
        }
      }
      try plot.draw(
        Figure.history(runs: loaded, beta: beta), name: "history",
        subject: runs.map { MessageText.inline($0) }.joined(separator: ", "),
        comment: "ewa plot history: \(runs.map(GnuplotText.quoted).joined(separator: ", "))")
    }
  }
}
