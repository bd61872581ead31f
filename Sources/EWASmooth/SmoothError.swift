import EWA
import EWAIO

/// Everything that can go wrong while smoothing, each case a complete sentence naming the file,
/// line, column and text where they apply.
public enum SmoothError: CategorizedError, Equatable {
  /// Reading the input or writing the output failed, or a record is malformed CSV.
  case io(IOError)
  case fieldCount(file: String, line: Int, expected: Int, found: Int)
  case notANumber(file: String, line: Int, column: String, text: String)
  case badTimestamp(file: String, line: Int, column: String, text: String)
  case timeWentBackwards(file: String, line: Int, column: String, text: String, previous: String)
  case headerMismatch(file: String, expected: String, found: String)
  case unknownColumn(String, available: [String])
  case columnIndexOutOfRange(Int, count: Int)
  case noColumnToSmooth(available: [String])
  case invalidOption(String)
  case stateCorrupt(path: String, reason: String)
  case stateVersion(path: String, found: Int, expected: Int)
  case stateMismatch(path: String, what: String, saved: String, requested: String)
  /// A saved state that cannot be carried onto another (`ewa state combine`), with the reason.
  case stateUncombinable(path: String, reason: String)
  /// Another run holds the state file's lock (see ``StateLock``).
  case stateLocked(path: String, seconds: Int)
  /// The state file's lock file cannot be opened or locked.
  case stateLockFailed(path: String, reason: String)

  public var kind: FailureKind {
    switch self {
    case .io(let error): error.kind
    case .stateLockFailed: .io
    case .stateLocked: .temporary
    case .unknownColumn, .columnIndexOutOfRange, .noColumnToSmooth, .invalidOption: .usage
    case .fieldCount, .notANumber, .badTimestamp, .timeWentBackwards, .headerMismatch,
      .stateCorrupt, .stateVersion, .stateMismatch, .stateUncombinable:
      .data
    }
  }

  /// One line: every file name, column name and cell goes through ``MessageText``, so control
  /// and invisible characters come out escaped and a long value is cut.
  public var description: String {
    typealias M = MessageText
    switch self {
    case .io(let error): return error.description
    case .fieldCount(let file, let line, let expected, let found):
      return
        "\(M.inline(file)), line \(line): expected \(expected) fields like the first line, found \(found)"
    case .notANumber(let file, let line, let column, let text):
      return "\(M.inline(file)), line \(line), column \(M.quoted(column)): \(M.notANumber(text))"
    case .badTimestamp(let file, let line, let column, let text):
      if TimeValue.isOutOfRange(text) {
        return "\(M.inline(file)), line \(line), column \(M.quoted(column)): "
          + "\(M.quoted(text)) is outside the range of timestamps in nanoseconds, "
          + TimeValue.instantRange
      }
      return
        "\(M.inline(file)), line \(line), column \(M.quoted(column)): \(M.quoted(text)) is not "
        + "a timestamp (ISO-8601 date or date-time, YYYY/MM/DD, or a number)"
    case .timeWentBackwards(let file, let line, let column, let text, let previous):
      return "\(M.inline(file)), line \(line), column \(M.quoted(column)): time goes backwards, "
        + "\(M.quoted(text)) is before \(M.quoted(previous)) of the previous row of the same group"
    case .headerMismatch(let file, let expected, let found):
      return "\(M.inline(file)), line 1: the header \(M.quoted(found)) differs from the first "
        + "file's \(M.quoted(expected))"
    case .unknownColumn(let name, let available):
      return "no column named \(M.quoted(name)); the columns are: \(M.list(available))"
    case .columnIndexOutOfRange(let index, let count):
      return "column index \(index) is out of range; the input has columns 1 to \(count)"
    case .noColumnToSmooth(let available):
      return "no column has a number as its first value; choose one with --column among: "
        + M.list(available)
    case .invalidOption(let sentence): return sentence
    case .stateCorrupt(let path, let reason):
      return "state file \(M.inline(path)) is not valid: \(reason)"
    case .stateVersion(let path, let found, let expected):
      return VersionedFileError.version(
        noun: SmoothState.file.noun, path: path, found: found, expected: expected,
        advice: SmoothState.file.versionAdvice
      ).description
    case .stateMismatch(let path, let what, let saved, let requested):
      // `saved` and `requested` arrive quoted by the caller; only their controls are escaped.
      return "state file \(M.inline(path)) was saved for \(what) \(M.escapingControls(saved)), "
        + "not \(M.escapingControls(requested))"
    case .stateUncombinable(let path, let reason):
      return "state file \(M.inline(path)) cannot be combined: \(reason)"
    case .stateLocked(let path, let seconds):
      return "state file \(M.inline(path)) is in use by another ewa run (its lock "
        + "\(M.inline(path)).lock was held for \(seconds) s); try again when it has finished"
    case .stateLockFailed(let path, let reason):
      return "cannot lock state file \(M.inline(path)): \(reason)"
    }
  }
}

extension DecayError: CategorizedError {
  public var kind: FailureKind { .usage }
}

/// Runs `body`, reporting an ``IOError`` as ``SmoothError/io(_:)``.
@inline(__always)
func io<R>(_ body: () throws(IOError) -> R) throws(SmoothError) -> R {
  do { return try body() } catch { throw .io(error) }
}
