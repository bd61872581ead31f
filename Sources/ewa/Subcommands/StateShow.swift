import ArgumentParser
import EWAIO
import EWASmooth

/// `ewa state show FILE`: a readable summary of a saved state.
struct StateShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Summarize a state file: columns, decays, options, groups and their counts.")

  @Argument(help: ArgumentHelp("The state file.", valueName: "file"))
  var file: String

  @Option(help: ArgumentHelp("How many groups to list (the rest are counted).", valueName: "n"))
  var groups = 20

  func validate() throws {
    guard groups >= 0 else { throw ValidationError("--groups must be 0 or more, got \(groups).") }
  }

  func run() throws {
    try reportingErrors {
      let state = try SmoothState.loadExisting(path: file)
      for line in state.summary(path: file, groupLimit: groups) {
        try StandardOutput.print(line)
      }
    }
  }
}
