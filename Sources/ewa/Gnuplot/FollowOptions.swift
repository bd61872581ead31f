import ArgumentParser
import EWAIO

/// The options of a live plot (`--follow`): one gnuplot session redrawing the figure as rows
/// arrive.
struct FollowOptions: ParsableArguments {
  @Flag(
    help:
      "Keep drawing while the input grows: redraw as rows arrive (at most every --interval, at once when the input pauses) until it ends."
  )
  var follow = false

  @Option(
    help: ArgumentHelp(
      "With --follow, draw only the newest N rows (memory bounded by N; default: every row, decimated).",
      valueName: "N"))
  var last: Int?

  @Option(
    help: ArgumentHelp(
      "With --follow, the shortest time between two redraws, in seconds (0.01 to 3600; default 0.5).",
      valueName: "S"))
  var interval: Double?

  /// The most rows `--last` may keep: about 100 MB of numbers with a few decays.
  static let lastLimit = 10_000_000
  /// The redraw intervals accepted, in seconds.
  static let intervalRange = 0.01...3600.0

  /// The interval between redraws, in seconds.
  var seconds: Double { interval ?? 0.5 }

  func validate() throws {
    if !follow {
      if last != nil {
        throw ValidationError("--last N keeps a window of a live plot; add --follow.")
      }
      if interval != nil {
        throw ValidationError("--interval S paces the redraws of a live plot; add --follow.")
      }
    }
    if let last, !(1...Self.lastLimit).contains(last) {
      throw ValidationError(
        "--last \(last) is not a number of rows from 1 to \(Self.lastLimit).")
    }
    if let interval, !Self.intervalRange.contains(interval) {
      throw ValidationError(
        "--interval \(interval) is not a time from \(Self.intervalRange.lowerBound) to "
          + "\(Int(Self.intervalRange.upperBound)) seconds.")
    }
  }

  /// Refuses a target a live plot cannot redraw: only the dumb chart, a PNG or SVG file rewritten
  /// at each redraw, or a window can follow.
  func check(_ plot: PlotOptions<LiveTerminals>) throws {
    guard follow else { return }
    switch plot.target(name: "live") {
    case .dumb, .window: return
    case .image(_, let terminal) where terminal == .png || terminal == .svg: return
    case .image, .script:
      throw ValidationError(
        "--follow redraws the chart on the terminal (--terminal dumb), into --output FILE.png or "
          + "FILE.svg, or in a window (--terminal x11, qt or wxt); "
          + "\(MessageText.quoted(plot.output ?? "")) cannot be redrawn.")
    }
  }
}
