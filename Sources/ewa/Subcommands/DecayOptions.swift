import ArgumentParser
import EWAIO
import EWASmooth

/// The decays of an exponentially weighted average, in pandas' five ways (shared by `smooth` and
/// `plot smooth`).
struct DecayOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Decay factors β in [0, 1), comma-separated (default: 0.9).", valueName: "list"))
  var beta: String?
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Smoothing factors α = 1-β in (0, 1].", valueName: "list"))
  var alpha: String?
  @Option(
    parsing: .unconditional, help: ArgumentHelp("Spans ≥ 1: α = 2/(span+1).", valueName: "list"))
  var span: String?
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Centres of mass ≥ 0: α = 1/(1+com).", valueName: "list"))
  var com: String?
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Half-lives > 0, in rows, or with --time durations like 90s, 30min, 6h, 4d.",
      valueName: "list"))
  var halflife: String?

  /// The decays given, β = 0.9 when none is.
  ///
  /// - Parameter timed: whether a `--time` column is given (a half-life is then a duration).
  /// - Throws: ``SmoothError/invalidOption(_:)`` for two ways at once or a malformed value.
  func decays(timed: Bool) throws(SmoothError) -> [DecaySpec] {
    let given: [(String?, DecaySpec.Form)] = [
      (beta, .beta), (alpha, .alpha), (span, .span), (com, .com), (halflife, .halflife),
    ]
    let chosen = given.filter { $0.0 != nil }
    if chosen.count > 1 {
      throw .invalidOption(
        "give the decay one way only, not both --\(chosen[0].1.rawValue) "
          + "and --\(chosen[1].1.rawValue)"
      )
    }
    let (list, form) = chosen.first.map { ($0.0!, $0.1) } ?? ("0.9", .beta)
    return try DecaySpec.parseList(list, form: form, timed: timed)
  }
}
