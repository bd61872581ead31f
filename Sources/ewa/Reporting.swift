import ArgumentParser
import EWA

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
func printError(_ message: String) {
  var line = "ewa: " + message
  if !line.hasSuffix("\n") { line += "\n" }
  let bytes = Array(line.utf8)
  _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
}

/// Runs a subcommand's work; a library error becomes one line on standard error and the exit
/// status of its kind, instead of a stack trace.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as CategorizedError {
    printError(error.description)
    throw ExitCode(ExitStatus(error.kind).rawValue)
  }
}
