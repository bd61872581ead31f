import ArgumentParser
import EWA
import EWAIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@main
struct EWACommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ewa",
    abstract: """
      Exponentially weighted averages: smooth CSV time series, train with optimizers built on \
      them, and plot both.
      """,
    version: EWAVersion.string,
    subcommands: [
      Smooth.self, State.self, Train.self, Compare.self, Trajectory.self, Plot.self, Demo.self,
    ]
  )

  /// Parses and runs a subcommand as `ParsableCommand.main` does, but shows the parser's
  /// messages with control characters escaped: an option's value is untrusted text and must not
  /// reach the terminal raw.
  static func main() {
    StandardOutput.secureStandardDescriptors()
    SignalHandlers.install()
    do {
      var command = try parseAsRoot(nil)
      try command.run()
    } catch {
      let status = exitCode(for: error)
      let text = fullMessage(for: error)
      if !text.isEmpty {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let shown = lines.map { line in
          // A 5 MB option value is cut, as every quoted value of ewa's own messages is.
          let escaped = MessageText.escapingControls(String(line))
          return status.isSuccess || escaped.count <= 300
            ? escaped : String(escaped.prefix(240)) + "… (\(line.utf8.count) bytes)"
        }.joined(separator: "\n")
        if status.isSuccess { print(shown) } else { writeStandardError(shown + "\n") }
      }
      terminate(status.rawValue)
    }
  }
}

/// Ends the process with `status` (the C library's `exit`, which flushes standard output).
private func terminate(_ status: Int32) -> Never {
  exit(status)
}
