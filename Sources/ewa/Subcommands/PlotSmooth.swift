import ArgumentParser
import EWAPlot

/// `ewa plot smooth`: raw points and one smoothed curve per β.
struct PlotSmooth: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "smooth",
    abstract: "Plot a CSV column's raw points and its exponentially weighted average for each β.")

  @Argument(
    help: ArgumentHelp(
      "The CSV file, with a header line; - or nothing reads standard input.", valueName: "file"))
  var file: String = "-"

  @Option(help: ArgumentHelp("The column to smooth, by its header name.", valueName: "name"))
  var column: String

  @Option(help: ArgumentHelp("The decays β, comma-separated, each in [0, 1).", valueName: "list"))
  var beta: String = "0.9"

  @Option(
    help:
      "How the average starts: corrected (V_t/(1-β^t) from V_0 = 0), zero (the raw V_t) or first (V_1 = θ_1)."
  )
  var `init`: SmoothCurve.Initialization = .corrected

  @Option(
    help: ArgumentHelp(
      "The column of x values: numbers, or dates drawn on a date axis (default: the row number).",
      valueName: "name"))
  var time: String?

  @Flag(
    help: "Also draw the uncorrected curve from V_0 = 0, dashed, to show the bias at the start.")
  var compareInit = false

  @OptionGroup var plot: PlotOptions

  /// The decays as written, each with its value.
  private var betas: [(text: String, value: Double)] {
    beta.split(separator: ",").map { part in
      let text = part.trimmingCharacters(in: .whitespaces)
      return (text, Double(text) ?? .nan)
    }
  }

  func validate() throws {
    guard !betas.isEmpty else {
      throw ValidationError("--beta needs at least one decay, e.g. --beta 0.5,0.9,0.98.")
    }
    for (text, value) in betas where !(value >= 0 && value < 1) {
      throw ValidationError(
        "--beta \(text) is not a decay in [0, 1); β = 0.9 averages about the last 10 values.")
    }
    if compareInit && `init` == .zero {
      throw ValidationError(
        "--compare-init adds the --init zero curve; it cannot be combined with --init zero itself.")
    }
  }

  func run() throws {
    try reportingErrors {
      let table = try PlotTable.read(file)
      let values = try table.numbers(column, allowMissing: true)
      let (xs, areTimes) =
        try time.map { try table.positions($0) }
        ?? ((1...max(values.count, 1)).prefix(values.count).map(Double.init), false)
      let curves = betas.map { decay in
        SmoothCurve.averaging(
          values, label: "β = \(decay.text)", beta: decay.value, initialization: `init`,
          compareWithZeroStart: compareInit)
      }
      let figure = Figure.smooth(
        column: column, x: xs, values: values, curves: curves, timeAxis: areTimes,
        xLabel: time ?? "row")
      try plot.draw(
        figure, name: "smooth", comment: "ewa plot smooth: \(column) of \(table.source)")
    }
  }
}

extension SmoothCurve.Initialization: ExpressibleByArgument {}
