import ArgumentParser
import EWAGallery
import EWAIO
import EWAPlot
import EWATrain

/// `ewa plot schedule`: learning rate against epoch for several schedules.
struct PlotSchedule: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Plot the learning rate against the epoch for each schedule of `ewa train --decay`.",
    usage: "ewa plot schedule [<options>]")

  @Option(
    help: ArgumentHelp(
      "Comma-separated schedules: \(ScheduleSettings.Kind.allCases.map(\.rawValue).joined(separator: ", ")).",
      valueName: "list"))
  var decay = CommaSeparated<ScheduleSettings.Kind>(
    argument: "inverse-time,exponential,staircase")

  @Option(
    help: ArgumentHelp(
      "The epochs (or steps, with --schedule-unit step) to draw, at most "
        + "\(PlotSchedule.maximumEpochs) (long curves are thinned to the few thousand points a "
        + "canvas shows)."))
  var epochs: Int = 5000

  /// The most epochs drawn; the figure keeps at most ``PointDecimator/defaultLimit`` of them.
  static let maximumEpochs = 1_000_000

  @Option(help: "The initial learning rate α0.")
  var lr: Double = 0.1

  @OptionGroup var schedule: ScheduleOptions

  @OptionGroup var plot: PlotOptions<StillTerminals>

  @OptionGroup var scale: LogScaleOption

  var kinds: [ScheduleSettings.Kind] {
    (try? decay.choices(option: "--decay")) ?? []
  }

  func validate() throws {
    _ = try decay.choices(option: "--decay")
    guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs).") }
    guard epochs <= Self.maximumEpochs else {
      throw ValidationError(
        "--epochs \(epochs) is more than plot schedule draws: at most \(Self.maximumEpochs) "
          + "(a canvas shows a few thousand points of a curve).")
    }
    guard lr > 0 && lr.isFinite else { throw ValidationError("--lr must be positive, got \(lr).") }
    try schedule.check(kinds: kinds)
  }

  func run() throws {
    try reportingErrors {
      try FileRoles.check(plot.outputRoles(name: "schedule"))
      let curves = try kinds.map { kind in
        try ScheduleCurve.sampling(
          schedule.settings(kind: kind, initial: lr, epochs: epochs), count: epochs)
      }
      var figure = Figure.schedule(curves: curves)
      figure.xLabel = schedule.scheduleUnit.rawValue
      try plot.draw(
        scale.apply(to: figure), name: "schedule", subject: "the schedules",
        comment: "ewa plot schedule: \(GnuplotText.quoted(decay.text))")
    }
  }
}
