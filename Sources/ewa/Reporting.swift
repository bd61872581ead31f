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
  printRaw(line, to: STDERR_FILENO)
}

/// Writes `text` to a file descriptor, retrying short writes; errors are ignored (this is the
/// last resort for messages).
func printRaw(_ text: String, to descriptor: Int32) {
  let bytes = Array(text.utf8)
  bytes.withUnsafeBytes { buffer in
    var offset = 0
    while offset < buffer.count {
      let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }
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
