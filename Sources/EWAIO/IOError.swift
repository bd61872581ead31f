#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What can go wrong while reading or writing bytes and CSV records, each case a complete
/// sentence naming the file and line where they apply.
public enum IOError: CategorizedError, Equatable {
  case cannotOpen(path: String, reason: String)
  case readFailed(name: String, reason: String)
  case writeFailed(reason: String)
  /// The reader of standard output went away (EPIPE); not reported as an error.
  case outputClosed
  case unterminatedQuote(file: String, line: Int)
  /// A record (a line, or lines joined by a quoted field) longer than the reader holds.
  case recordTooLong(file: String, line: Int, limit: Int)
  case textAfterQuote(file: String, line: Int, field: Int)

  /// The error of a failed system call, from `errno`'s value.
  public static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

  public var kind: FailureKind {
    switch self {
    case .cannotOpen: .input
    case .readFailed, .writeFailed, .outputClosed: .io
    case .unterminatedQuote, .recordTooLong, .textAfterQuote: .data
    }
  }

  /// One line: every file name goes through ``MessageText``.
  public var description: String {
    typealias M = MessageText
    switch self {
    case .cannotOpen(let path, let reason): return "cannot open \(M.inline(path)): \(reason)"
    case .readFailed(let name, let reason): return "cannot read \(M.inline(name)): \(reason)"
    case .writeFailed(let reason): return "cannot write standard output: \(reason)"
    case .outputClosed: return "standard output was closed"
    case .unterminatedQuote(let file, let line):
      return
        "\(M.inline(file)), line \(line): a quoted field is not closed before the end of the input"
    case .recordTooLong(let file, let line, let limit):
      return "\(M.inline(file)), line \(line): the record is longer than \(limit >> 20) MiB "
        + "(a line that never ends, or a quote that is never closed); ewa reads records of at "
        + "most \(limit >> 20) MiB"
    case .textAfterQuote(let file, let line, let field):
      return "\(M.inline(file)), line \(line), field \(field): text follows the closing quote"
    }
  }
}
