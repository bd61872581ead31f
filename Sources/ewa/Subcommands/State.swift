import ArgumentParser

/// `ewa state`: the saved states of `ewa smooth` (`--state`, `--state-out`), combined and shown.
struct State: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Combine and inspect the saved states of ewa smooth.",
    discussion: """
      A state file holds, per group and column, the averages after the rows smoothed so far. \
      States of consecutive parts of one series, each smoothed from nothing with --state-out, \
      combine into the state after all of them, which --state-in then continues from.
      """,
    subcommands: [StateCombine.self, StateShow.self])
}
