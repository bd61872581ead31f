import ArgumentParser
import EWAIO
import EWATrain

extension OptimizerKind: ExpressibleByArgument {}

/// The optimizer hyper-parameters shared by `train`, `compare`, `trajectory` and `plot
/// trajectory`, each with the help its command gives them (`Help`).
struct OptimizerOptions<Help: OptimizerOptionsHelp>: ParsableArguments {
  @Option(name: .customLong("lr"), help: ArgumentHelp(Help.rate), transform: numbers)
  var rates: CommaSeparated<Double>?

  /// The one learning rate given, or `nil`; ``checkApplies(to:ratePerOptimizer:)`` makes sure
  /// there is at most one where a command takes one.
  var lr: Double? { rates?.values.first }

  @Option(
    name: .customLong("beta"),
    help: ArgumentHelp(Help.beta("β", of: "momentum, nesterov and rmsprop", default: "0.9")),
    transform: numbers)
  var betas: CommaSeparated<Double>?

  @Option(
    name: .customLong("beta1"),
    help: ArgumentHelp(Help.beta("β1", of: "adam, adamw and amsgrad", default: "0.9")),
    transform: numbers)
  var beta1s: CommaSeparated<Double>?

  @Option(
    name: .customLong("beta2"),
    help: ArgumentHelp(Help.beta("β2", of: "adam, adamw and amsgrad", default: "0.999")),
    transform: numbers)
  var beta2s: CommaSeparated<Double>?

  /// The one β given, or nil (a list is for `compare` only; ``checkApplies(to:ratePerOptimizer:lists:)``).
  var beta: Double? { betas?.values.first }
  var beta1: Double? { beta1s?.values.first }
  var beta2: Double? { beta2s?.values.first }

  @Option(help: "ε of rmsprop and the adam family (default 1e-8).")
  var epsilon: Double?

  @Option(help: "Decoupled weight decay λ of adamw (default 0.01).")
  var weightDecay: Double?

  @Flag(help: "Bias-correct the averages of momentum, nesterov and rmsprop (off by default).")
  var biasCorrection = false

  func validate() throws {
    for lr in rates?.values ?? [] where !(lr > 0 && lr.isFinite) {
      throw ValidationError("--lr must be positive, got \(lr).")
    }
    for (name, list) in [("--beta", betas), ("--beta1", beta1s), ("--beta2", beta2s)] {
      for value in list?.values ?? [] where !(value >= 0 && value < 1) {
        throw ValidationError("\(name) must lie in [0, 1), got \(value).")
      }
    }
    if let epsilon, !(epsilon > 0 && epsilon.isFinite) {
      throw ValidationError("--epsilon must be positive, got \(epsilon).")
    }
    if let weightDecay, !(weightDecay >= 0 && weightDecay.isFinite) {
      throw ValidationError("--weight-decay must be zero or positive, got \(weightDecay).")
    }
  }

  /// Rejects options that none of `kinds` reads, naming the option and the optimizers; a list of
  /// rates unless the command takes one per optimizer and the counts match; and any list of rates
  /// or βs unless the command takes `lists` (`compare`).
  func checkApplies(
    to kinds: [OptimizerKind], ratePerOptimizer: Bool = false, lists: Bool = false
  ) throws {
    let names = kinds.map(\.rawValue).joined(separator: ", ")
    for (option, list) in [("--beta", betas), ("--beta1", beta1s), ("--beta2", beta2s)] {
      try refuseList(option, list?.values.count, lists: lists)
    }
    if !lists, let count = rates?.values.count, count > 1 {
      guard ratePerOptimizer else {
        throw ValidationError(
          "--lr takes one rate here, got \(count); only plot trajectory takes one per optimizer.")
      }
      guard count == kinds.count else {
        throw ValidationError(
          "--lr gives \(count) rates for \(kinds.count) optimizers (\(names)); give one rate for "
            + "all or one per optimizer, in the order of --optimizers.")
      }
    }
    let checks: [(String, Bool, (OptimizerKind) -> Bool, String)] = [
      ("--beta", beta != nil, \.usesBeta, "momentum, nesterov and rmsprop"),
      ("--beta1", beta1 != nil, \.usesBeta1Beta2, "adam, adamw and amsgrad"),
      ("--beta2", beta2 != nil, \.usesBeta1Beta2, "adam, adamw and amsgrad"),
      ("--epsilon", epsilon != nil, \.usesEpsilon, "rmsprop, adam, adamw and amsgrad"),
      ("--weight-decay", weightDecay != nil, \.usesWeightDecay, "adamw"),
      ("--bias-correction", biasCorrection, \.usesBiasCorrection, "momentum, nesterov and rmsprop"),
    ]
    for (option, given, applies, users) in checks where given && !kinds.contains(where: applies) {
      throw ValidationError("\(option) does not apply to \(names); it is used by \(users) only.")
    }
  }

  /// The rates given, or `[fallback]` when none were.
  func learningRates(default fallback: Double) -> [Double] { rates?.values ?? [fallback] }

  /// The settings for `kind`, with defaults for what was not given.
  func settings(for kind: OptimizerKind) -> OptimizerSettings {
    var s = OptimizerSettings(kind: kind)
    s.beta = beta ?? s.beta
    s.beta1 = beta1 ?? s.beta1
    s.beta2 = beta2 ?? s.beta2
    s.epsilon = epsilon ?? s.epsilon
    s.weightDecay = weightDecay ?? s.weightDecay
    s.biasCorrection = biasCorrection && kind.usesBiasCorrection
    return s
  }
}

/// Reads a number or comma-separated numbers (`--lr`, `--beta`, `--beta1`, `--beta2`).
private func numbers(_ text: String) throws -> CommaSeparated<Double> {
  let list = CommaSeparated<Double>(argument: text)
  guard list.firstInvalid == nil else {
    throw ValidationError("expected a number, or comma-separated numbers.")
  }
  return list
}

/// Refuses a list of `count` values for `option` where the command takes one value.
func refuseList(_ option: String, _ count: Int?, lists: Bool) throws {
  guard !lists, let count, count > 1 else { return }
  throw ValidationError(
    "\(option) takes one value here, got \(count); only compare takes a comma-separated list.")
}
