import ArgumentParser
import EWAIO
import EWATrain

extension ScheduleSettings.Kind: ExpressibleByArgument {}
extension ScheduleSettings.Unit: ExpressibleByArgument {}

/// The parameters of a learning-rate schedule (shared by `train`, `compare` and `plot schedule`,
/// which name the schedule kinds themselves with `--decay`).
struct ScheduleOptions: ParsableArguments {
  @Option(help: "r of the decay (γ of step, k of inverse-sqrt, final fraction of cosine).")
  var decayRate: Double?

  @Option(help: "T, the epochs (or steps) per stair of staircase and step, the length of cosine.")
  var decayInterval: Int?

  @Option(help: "The manual schedule: epoch:rate pairs, e.g. 1000:0.01,3000:0.001.")
  var manualRates: String?

  @Option(help: "Epochs (or steps) of linear warm-up before the schedule.")
  var warmup: Int = 0

  @Option(help: "What the schedule counts.")
  var scheduleUnit: ScheduleSettings.Unit = .epoch

  /// Rejects parameters that none of `kinds` reads.
  func check(kinds: [ScheduleSettings.Kind]) throws {
    if (manualRates != nil) != kinds.contains(.manual) {
      throw ValidationError("--manual-rates goes with --decay manual, and --decay manual needs it.")
    }
    if kinds.allSatisfy({ $0 == .none }) && (decayRate != nil || decayInterval != nil) {
      throw ValidationError("--decay-rate and --decay-interval need a --decay schedule.")
    }
  }

  /// The settings of a `kind` schedule from `initial` over `epochs` (the default length of
  /// cosine).
  ///
  /// - Throws: ``ScheduleError`` for an out-of-range parameter, or a malformed `--manual-rates`.
  func settings(kind: ScheduleSettings.Kind, initial: Double, epochs: Int) throws
    -> ScheduleSettings
  {
    var s = ScheduleSettings(kind: kind, initial: initial)
    s.rate = decayRate
    s.interval = decayInterval ?? (kind == .cosine ? epochs : 1000)
    s.points = try manualRates.map { try ManualSchedule.parse($0) } ?? []
    s.warmUp = warmup
    s.unit = scheduleUnit
    _ = try s.make()
    return s
  }
}
