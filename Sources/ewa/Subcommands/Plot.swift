import ArgumentParser

/// `ewa plot`: figures drawn with gnuplot from self-contained scripts.
struct Plot: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Draw figures with gnuplot: smoothing, training histories, optimizer paths, decision regions, schedules.",
    discussion: """
      Each figure is a self-contained gnuplot script (data inline), rendered to PNG, SVG or PDF \
      by the output file's extension, written as-is with --output FILE.gp, or drawn as text with \
      --terminal dumb. Without gnuplot on PATH the script is written beside the requested output \
      (unless a file of that name exists: it is never replaced) and ewa exits with status 69. \
      Text from the input (headers, run names, labels, file names) is written into scripts as \
      inert literals: gnuplot never runs a command or interprets markup from it.
      """,
    subcommands: [
      PlotSmooth.self, PlotHistory.self, PlotTrajectory.self, PlotBoundary.self, PlotSchedule.self,
    ]
  )
}
