import ArgumentParser
import EWAIO
import EWATrain

extension OptimizerKind: ExpressibleByArgument {}

/// The optimizer hyper-parameters shared by `train`, `compare` and `trajectory`.
struct OptimizerOptions: ParsableArguments {
  @Option(
    name: .customLong("lr"),
    help: ArgumentHelp(
      "Learning rate α, α0 when a schedule decays it (default 0.0007; 0.01 for trajectory); "
        + "plot trajectory also takes one per optimizer, comma-separated."),
    transform: { text in
      let rates = CommaSeparated<Double>(argument: text)
      guard rates.firstInvalid == nil else {
        throw ValidationError("expected a number, or comma-separated numbers.")
      }
      return rates
    })
  var rates: CommaSeparated<Double>?

  /// The one learning rate given, or `nil`; ``checkApplies(to:ratePerOptimizer:)`` makes sure
  /// there is at most one where a command takes one.
  var lr: Double? { rates?.values.first }

  @Option(help: "β of momentum, nesterov and rmsprop (default 0.9).")
  var beta: Double?

  @Option(help: "β1 of adam, adamw and amsgrad (default 0.9).")
  var beta1: Double?

  @Option(help: "β2 of adam, adamw and amsgrad (default 0.999).")
  var beta2: Double?

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
    for (name, value) in [("--beta", beta), ("--beta1", beta1), ("--beta2", beta2)] {
      if let value, !(value >= 0 && value < 1) {
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

  /// Rejects options that none of `kinds` reads, naming the option and the optimizers, and a
  /// list of rates unless the command takes one per optimizer and the counts match.
  func checkApplies(to kinds: [OptimizerKind], ratePerOptimizer: Bool = false) throws {
    let names = kinds.map(\.rawValue).joined(separator: ", ")
    if let count = rates?.values.count, count > 1 {
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
