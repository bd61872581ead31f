import ArgumentParser
import EWAIO
import EWASmooth

/// `ewa state combine A.json B.json ...`: the state after A's rows followed by B's (and so on),
/// each later one smoothed from nothing, exactly as one pass would leave it.
struct StateCombine: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "combine",
    abstract: "Print the state after the parts' rows in order, each part smoothed from nothing.",
    discussion: """
      The first file is the state after the rows before; each later one was saved with \
      --state-out from nothing, over the rows that follow. The result equals the state of one \
      pass over all the rows to 1e-12 relative, for every decay, --std, --ignore-na, groups and \
      --time. The files must agree on columns, decays and options; --init first is refused.
      """)

  @Argument(help: ArgumentHelp("The state files, in the order of their rows.", valueName: "file"))
  var files: [String]

  @Option(
    name: [.short, .long],
    help: ArgumentHelp(
      "Write the combined state to this file (atomically) instead of standard output.",
      valueName: "file"))
  var output: String?

  func run() throws {
    try reportingErrors {
      try FileRoles.check(
        files.flatMap { FileRoles.input("the state file", $0) }, FileRoles.output("-o", output))
      var combined = try SmoothState.loadExisting(path: files[0])
      for path in files.dropFirst() {
        let next = try SmoothState.loadExisting(path: path)
        combined = try combined.combined(with: next, path: files[0], nextPath: path)
      }
      if let output {
        try combined.save(path: output)
      } else {
        try StandardOutput.write(combined.encoded)
      }
    }
  }
}
