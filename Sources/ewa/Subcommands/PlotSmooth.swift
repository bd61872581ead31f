import ArgumentParser
import EWA
import EWAIO
import EWAPlot
import EWASmooth

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `ewa plot smooth`: raw points and one smoothed curve per decay, computed by `ewa smooth`'s
/// engine.
struct PlotSmooth: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "smooth",
    abstract: "Plot a CSV column's raw points and its exponentially weighted average per decay.",
    discussion: """
      The curves are exactly the numbers `ewa smooth` prints with the same options. With --time \
      and --halflife durations (6h, 4d) the average decays by elapsed time; with any other decay \
      --time only places the points on the x axis (dates when the column holds dates). With \
      --follow the input is read as it arrives (a pipe, a FIFO; `tail -f FILE |` follows a \
      growing file) and the figure redrawn until it ends.
      """)

  @Argument(
    help: ArgumentHelp(
      "The CSV file, with a header line; - or nothing reads standard input.", valueName: "file"),
    completion: .file(extensions: ["csv"]))
  var file: String = "-"

  @Option(help: ArgumentHelp("The column to smooth, by name or 1-based index.", valueName: "name"))
  var column: String

  @OptionGroup var decay: DecayOptions

  @Option(
    help: ArgumentHelp(
      "How the average starts: corrected (pandas adjust=True), zero (the raw V_t from 0), "
        + "first (V_1 = θ_1, pandas adjust=False)."))
  var `init`: SmoothOptions.Initial = .corrected

  @Option(
    help: ArgumentHelp(
      "The time column: the x axis (default: the row number), and with --halflife durations "
        + "the decay by elapsed time.", valueName: "name"))
  var time: String?

  @Flag(
    help: "Also draw the uncorrected curve from V_0 = 0, dashed, to show the bias at the start.")
  var compareInit = false

  @OptionGroup var plot: PlotOptions<LiveTerminals>

  @OptionGroup var scale: LogScaleOption

  @OptionGroup var live: FollowOptions

  func validate() throws {
    do {
      _ = try decay.decays(timed: time != nil)
    } catch {
      throw ValidationError(error.description)
    }
    if compareInit && `init` == .zero {
      throw ValidationError(
        "--compare-init adds the --init zero curve; it cannot be combined with --init zero itself.")
    }
    if compareInit && live.follow {
      throw ValidationError(
        "--compare-init smooths the input twice; it cannot be combined with --follow, which "
          + "reads it once as it arrives.")
    }
    if let choice = plot.terminal, choice.window != nil, !live.follow {
      throw ValidationError("--terminal \(choice.rawValue) draws in a window only with --follow.")
    }
    try live.check(plot)
  }

  func run() throws {
    try reportingErrors {
      try FileRoles.check(FileRoles.input("the input file", file), plot.outputRoles(name: "smooth"))
      if live.follow { return try follow() }
      let input = try InputBytes.read(file)
      let smoothed = try SmoothedColumn.smoothing(
        input.bytes, name: input.name, column: column, decays: decay.decays(timed: time != nil),
        initial: `init`, time: time, compareWithZeroStart: compareInit)
      try plot.draw(
        scale.apply(to: Figure.smooth(smoothed)), name: "smooth",
        subject:
          "column \(MessageText.quoted(smoothed.column)) of \(MessageText.inline(input.name))",
        comment:
          "ewa plot smooth: column \(GnuplotText.quoted(smoothed.column)) of "
          + GnuplotText.quoted(input.name))
    }
  }

  /// `--follow`: smooths the input as it arrives and redraws the figure, until the input ends.
  private func follow() throws {
    let name = file == "-" ? "standard input" : file
    var drawing: LivePlot?
    let feed = try LiveSmoothFeed(
      name: name, column: column, decays: decay.decays(timed: time != nil), initial: `init`,
      time: time, last: live.last
    ) { () throws(SmoothError) in
      do {
        try drawing?.rowAdded()
      } catch {
        drawing?.failure = error
        throw SmoothError.invalidOption("the live plot stopped")
      }
    }
    let plot = try LivePlot(
      plot: plot, interval: live.seconds, name: "smooth",
      subject: "column \(MessageText.quoted(column)) of \(MessageText.inline(name))",
      figure: { feed.live.map { scale.apply(to: $0.figure()) } })
    drawing = plot
    defer { plot.close() }
    var source =
      file == "-"
      ? FileDescriptorSource(name: name, descriptor: STDIN_FILENO)
      : try FileDescriptorSource.open(path: file)
    defer { source.close() }
    let descriptor = source.descriptor
    source.willBlock = { () throws(IOError) in
      do {
        try plot.inputPaused(descriptor)
      } catch {
        plot.failure = error
        throw IOError.readFailed(name: name, reason: "the live plot stopped")
      }
    }
    do {
      try feed.smoother.process(name: name, source: source)
      try feed.smoother.finish()
    } catch {
      throw plot.failure ?? error
    }
    try plot.finish()
  }
}
