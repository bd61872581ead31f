import ArgumentParser
import EWA
import EWAIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The exit statuses `ewa` uses, from BSD sysexits.
enum ExitStatus: Int32 {
  case usage = 64
  case data = 65
  case noInput = 66
  case unavailable = 69
  case software = 70
  case io = 74
  case temporary = 75

  init(_ kind: FailureKind) {
    switch kind {
    case .usage: self = .usage
    case .data: self = .data
    case .input: self = .noInput
    case .unavailable: self = .unavailable
    case .io: self = .io
    case .temporary: self = .temporary
    }
  }
}

/// Writes one line to standard error, prefixed with `ewa: `.
///
/// The last safety net for messages: any control character left in `message` (a newline, an
/// escape sequence from a file name that skipped ``MessageText``) is shown escaped, so one
/// message is always one line and nothing raw reaches the terminal.
func printError(_ message: String) {
  var text = message
  while text.hasSuffix("\n") { text.removeLast() }
  writeStandardError("ewa: " + MessageText.escapingControls(text) + "\n")
}

/// Writes `text` to standard error as it is; a closed or full standard error is ignored (there
/// is nowhere left to report it), never a crash as `FileHandle.write` would be.
func writeStandardError(_ text: String) {
  _ = Array(text.utf8).withUnsafeBytes { writeFully(STDERR_FILENO, $0) }
}

/// Runs a subcommand's work; a library error becomes one line on standard error and the exit
/// status of its kind, instead of a stack trace. Standard output is flushed and checked at the
/// end: a failed write is exit 74, a reader that went away (EPIPE) a quiet exit 0.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
    try StandardOutput.flush()
  } catch StandardOutputError.readerGone {
    throw ExitCode.success
  } catch let error as CategorizedError {
    if !(error is StandardOutputError) { try? StandardOutput.flush() }
    printError(error.description)
    throw ExitCode(ExitStatus(error.kind).rawValue)
  } catch {
    try? StandardOutput.flush()
    throw error
  }
}
