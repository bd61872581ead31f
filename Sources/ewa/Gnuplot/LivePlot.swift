import ArgumentParser
import EWAIO
import EWAPlot
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A live plot: one ``GnuplotSession`` redrawing a figure as rows arrive, at most every
/// `interval` seconds while they flow and at once (once that time has passed) when the input
/// pauses.
///
/// Where each frame goes: the dumb chart to standard output (on a terminal redrawn in place,
/// cursor home and clear, sized to the terminal unless `--size` says; elsewhere one page after
/// another, each starting with gnuplot's form feed); a PNG or SVG drawn by gnuplot into a
/// temporary file, then put in place through ``AtomicFile``, so a reader always sees a complete
/// image; or a window, which stays when the input ends (`gnuplot -persist`).
final class LivePlot {
  private let session: GnuplotSession
  private let plot: PlotOptions<LiveTerminals>
  private let target: PlotTarget
  private let interval: Double
  private let subject: String
  private let figure: () -> Figure?
  private let frameFile: TemporaryFile?
  private var frames = 0
  private var lastDraw = -Double.infinity
  private var dirty = false
  /// When the oldest row not drawn yet arrived.
  private var waitingSince = 0.0
  /// The error that stopped a redraw inside the smoother, rethrown by the command.
  var failure: Error?

  /// Starts gnuplot for the target of `plot`; `figure` gives the figure of the rows so far (or
  /// `nil` before there are any).
  ///
  /// - Throws: ``PlotError`` (69) without gnuplot or when gnuplot has no such window; `ExitCode` 70 when it cannot be started.
  init(
    plot: PlotOptions<LiveTerminals>, interval: Double, name: String, subject: String,
    figure: @escaping () -> Figure?
  ) throws {
    self.plot = plot
    self.interval = interval
    self.subject = subject
    self.figure = figure
    target = plot.target(name: name)
    guard let gnuplot = GnuplotRunner.locate() else {
      throw PlotError(
        kind: .unavailable,
        message:
          "gnuplot is not installed (not found on PATH), so a live plot cannot be drawn; install "
          + "gnuplot with `apt-get install gnuplot-nox` (Debian, Ubuntu) or `brew install gnuplot`")
    }
    switch target {
    case .image(let path, let terminal):
      try GnuplotText.checkPath(path, role: "the output file")
      try GnuplotRunner.checkWritableDirectory(of: path)
      frameFile = try TemporaryFile(suffix: "." + (terminal.fileExtension ?? "out"))
    case .dumb: frameFile = try TemporaryFile(suffix: ".txt")
    case .window, .script: frameFile = nil
    }
    var persist = false
    if case .window = target { persist = true }
    session = try GnuplotSession(gnuplot: gnuplot, persist: persist)
    if case .window(let terminal) = target, try !session.has(terminal) {
      try? session.finish()
      throw PlotError(
        kind: .unavailable,
        message:
          "this gnuplot has no \(terminal.gnuplotName) terminal (gnuplot-nox has none); draw on "
          + "the terminal with --terminal dumb or into --output FILE.png instead")
    }
  }

  /// Removes the frame's temporary file and ends gnuplot if ``finish()`` has not: every way out
  /// of a live plot passes here.
  func close() {
    frameFile?.remove()
    try? session.finish()
  }

  /// A row has been added: redraws when the oldest row not drawn yet has waited `interval` (and
  /// as long since the last frame), so a stream that never pauses is redrawn every `interval`
  /// and a burst after a pause is drawn whole when it ends (``inputPaused(_:)``).
  func rowAdded() throws {
    let now = Self.now()
    if !dirty { waitingSince = now }
    dirty = true
    if now - waitingSince >= interval && now - lastDraw >= interval { try draw() }
  }

  /// Draws what has changed since the last frame, when `interval` has passed since it.
  func drawIfDue() throws {
    if dirty && Self.now() - lastDraw >= interval { try draw() }
  }

  /// The input has nothing more to read yet: redraws once `interval` has passed since the last
  /// frame, unless more input arrives on `descriptor` first.
  func inputPaused(_ descriptor: Int32) throws {
    guard dirty else { return }
    let wait = interval - (Self.now() - lastDraw)
    if wait > 0 {
      var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(min(wait * 1000, 3_600_000).rounded(.up))
      while true {
        let count = poll(&ready, 1, milliseconds)
        if count > 0 { return }
        if count == 0 || errno != EINTR { break }
      }
    }
    try draw()
  }

  /// The input has ended: draws the last rows, and ends the session with the final frame left
  /// in place.
  ///
  /// - Throws: ``PlotError`` when no row could be drawn at all.
  func finish() throws {
    if dirty || frames == 0 { try draw() }
    if frames == 0 {
      try plot.apply(to: figure() ?? Figure(series: [])).checkDrawable(subject: subject)
    }
    try session.finish()
  }

  /// Draws the current figure, when it has something to draw, where the target says.
  private func draw() throws {
    guard var figure = figure() else { return }
    figure = plot.apply(to: figure)
    do {
      try figure.checkDrawable(subject: subject)
    } catch {
      // Before the first number there is nothing to draw yet; anything else stays wrong.
      guard figure.series.contains(where: \.hasFinitePoint) else { return }
      throw error
    }
    dirty = false
    frames += 1
    let terminal: Terminal
    switch target {
    case .image(_, let image): terminal = image
    case .window(let window): terminal = window
    case .dumb, .script:
      let screen = TerminalSize.isTerminal ? TerminalSize.current() : TerminalSize.fallback
      let size =
        plot.canvasSize ?? (screen.columns, screen.rows - (TerminalSize.isTerminal ? 1 : 0))
      terminal = .dumb(columns: max(size.0, 10), rows: max(size.1, 5))
    }
    let script = GnuplotScript.frame(
      figure, terminal: terminal, output: frameFile?.path, number: frames)
    let what = plot.output.map { MessageText.inline($0) } ?? "the chart"
    let replies = try session.run(script, frame: frames, drawing: plot.output ?? "the chart")
    if let error = replies.first(where: { $0.hasPrefix(GnuplotScript.errorPrefix) }) {
      let message = String(error.dropFirst(GnuplotScript.errorPrefix.count))
      printError("gnuplot failed drawing \(what): \(MessageText.quoted(message))")
      throw ExitCode(ExitStatus.software.rawValue)
    }
    lastDraw = Self.now()
    switch target {
    case .image(let path, _):
      try AtomicFile.write(try GnuplotRunner.checkDrawn(frameFile!.path, drawing: path), to: path)
    case .dumb:
      var chart = (try? Data(contentsOf: URL(fileURLWithPath: frameFile!.path))) ?? Data()
      if TerminalSize.isTerminal {
        if chart.first == 0x0C { chart.removeFirst() }
        try StandardOutput.write(Array("\u{1B}[H\u{1B}[2J".utf8))
      }
      try StandardOutput.write(chart)
      try StandardOutput.flush()
    case .window, .script: break
    }
  }

  /// Seconds on the monotonic clock.
  private static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
