/// What one command says of the optimizer options it shares with the others: its `--lr` (the
/// default, whether a schedule decays it, whether it takes a list) and whether the βs take lists,
/// so that each subcommand's help says only what is true of it.
protocol OptimizerOptionsHelp {
  /// The help of `--lr`.
  static var rate: String { get }
  /// Whether `--beta`, `--beta1` and `--beta2` take comma-separated lists (`compare`).
  static var takesLists: Bool { get }
}

extension OptimizerOptionsHelp {
  static var takesLists: Bool { false }

  /// The help of a β option read by `users`, with its default.
  static func beta(_ symbol: String, of users: String, default value: String) -> String {
    takesLists
      ? "\(symbol) of \(users), or several, comma-separated (default \(value))."
      : "\(symbol) of \(users) (default \(value))."
  }
}

/// `ewa train`: one rate, which a schedule may decay.
enum TrainingOptionsHelp: OptimizerOptionsHelp {
  static let rate = "Learning rate α, α0 when a schedule decays it (default 0.0007)."
}

/// `ewa compare`: every option may be a list.
enum ComparisonOptionsHelp: OptimizerOptionsHelp {
  static let rate =
    "Learning rate α, α0 when a schedule decays it, or several, comma-separated (default 0.0007)."
  static let takesLists = true
}

/// `ewa trajectory`: one rate, constant.
enum PathOptionsHelp: OptimizerOptionsHelp {
  static let rate = "Learning rate α (default 0.01)."
}

/// `ewa plot trajectory`: one rate for every optimizer or one per optimizer, constant.
enum PlotPathOptionsHelp: OptimizerOptionsHelp {
  static let rate =
    "Learning rate α of every optimizer, or one per optimizer, comma-separated in the order of "
    + "--optimizers (default 0.01)."
}
