import ArgumentParser
import EWAGallery
import EWAIO
import EWAPlot
import EWATrain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `ewa plot history`: training cost per mini-batch (noisy and smoothed) and per epoch.
struct PlotHistory: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract:
      "Plot training histories: mini-batch cost, its EWA, and epoch cost, one colour per run.",
    discussion: """
      RUN.csv is what `ewa train --history RUN.csv` writes (one run, named after the file) or \
      `ewa compare --history RUN.csv` (one run per optimizer). The mini-batch costs in \
      RUN-batches.csv beside it are drawn too, with their exponentially weighted average. With \
      --follow the files are watched as `tail -F` watches a file (`ewa train --history` \
      rewrites them as epochs finish) and the figure redrawn when they change, until Ctrl-C; \
      a file that does not exist yet, or has only its header, is waited for.
      """)

  @Argument(
    help: ArgumentHelp("The history files.", valueName: "run.csv"),
    completion: .file(extensions: ["csv"]))
  var runs: [String]

  @Option(
    help: ArgumentHelp("The decay β of the smoothed mini-batch line, in [0, 1).", valueName: "β"))
  var beta: Double = 0.98

  @OptionGroup var plot: PlotOptions<LiveTerminals>

  @OptionGroup var scale: LogScaleOption

  @OptionGroup var live: FollowOptions

  func validate() throws {
    guard !runs.isEmpty else { throw ValidationError("Give at least one history file RUN.csv.") }
    guard beta >= 0 && beta < 1 else {
      throw ValidationError("--beta \(beta) is not a decay in [0, 1).")
    }
    if let choice = plot.terminal, choice.window != nil, !live.follow {
      throw ValidationError("--terminal \(choice.rawValue) draws in a window only with --follow.")
    }
    if live.last != nil {
      throw ValidationError(
        "--last N keeps the newest rows of `ewa plot smooth --follow`; a history is drawn whole.")
    }
    try live.check(plot)
  }

  func run() throws {
    try reportingErrors {
      try FileRoles.check(
        runs.flatMap {
          FileRoles.input("the history", $0)
            + FileRoles.input("the batch file", TrainingHistory.batchPath(for: $0))
        }, plot.outputRoles(name: "history"))
      if live.follow { return try follow() }
      let loaded = try load(upToLastLine: false)
      try plot.draw(
        scale.apply(to: Figure.history(runs: loaded, beta: beta)), name: "history",
        subject: subject,
        comment: "ewa plot history: \(runs.map(GnuplotText.quoted).joined(separator: ", "))")
    }
  }

  /// The history files, for messages.
  private var subject: String { runs.map { MessageText.inline($0) }.joined(separator: ", ") }

  /// The runs of every history file, with their mini-batches when the batch file is there;
  /// `upToLastLine` leaves out a last line still being written (no line break yet).
  private func load(upToLastLine: Bool) throws -> [TrainingRun] {
    try runs.flatMap { path in
      let epochs = try InputBytes.read(path).bytes
      let batchPath = TrainingHistory.batchPath(for: path)
      let batches = try InputBytes.readIfPresent(batchPath).map { bytes in
        (upToLastLine ? Self.completeLines(bytes) : bytes, batchPath)
      }
      let name = GnuplotRunner.stem(of: path)
      let found = try TrainingHistory.runs(
        epochs: (upToLastLine ? Self.completeLines(epochs) : epochs, path), batches: batches,
        name: name
      ).map(TrainingRun.init)
      guard runs.count > 1, found.count > 1 else { return found }
      return found.map { run in
        var run = run
        run.name = "\(name) \(run.name)"
        return run
      }
    }
  }

  /// `--follow`: redraws whenever a history file changes, until Ctrl-C (or SIGTERM) ends it with
  /// the last frame in place; files that are missing or hold no epoch yet are waited for.
  private func follow() throws {
    var figure: Figure?
    let live = try LivePlot(
      plot: plot, interval: self.live.seconds, name: "history", subject: subject,
      figure: { figure })
    defer { live.close() }
    let watched = runs.flatMap { [$0, TrainingHistory.batchPath(for: $0)] }
    var seen: [FileStamp?]?
    while true {
      let stamps = watched.map { FileStamp(path: $0) }
      if stamps != seen {
        seen = stamps
        if try runs.allSatisfy(Self.hasEpoch) {
          figure = scale.apply(
            to: Figure.history(runs: try load(upToLastLine: true), beta: beta))
          try live.rowAdded()
        }
      }
      try live.drawIfDue()
      var pause = timespec(tv_sec: 0, tv_nsec: Int(min(self.live.seconds, 0.25) * 1e9))
      nanosleep(&pause, nil)
    }
  }

  /// Whether the history at `path` exists and has a complete line after its header.
  private static func hasEpoch(_ path: String) throws -> Bool {
    guard let bytes = try InputBytes.readIfPresent(path) else { return false }
    return completeLines(bytes).filter { $0 == UInt8(ascii: "\n") }.count >= 2
  }

  /// `bytes` up to and including its last line break (all of it when it ends with one).
  private static func completeLines(_ bytes: [UInt8]) -> [UInt8] {
    guard let last = bytes.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
    return Array(bytes[...last])
  }
}
