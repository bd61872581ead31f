import EWA

/// Everything that can go wrong while smoothing, each case a complete sentence naming the file,
/// line, column and text where they apply.
public enum SmoothError: CategorizedError, Equatable {
  case cannotOpen(path: String, reason: String)
  case readFailed(name: String, reason: String)
  case writeFailed(reason: String)
  /// The reader of standard output went away (EPIPE); not reported as an error.
  case outputClosed
  case unterminatedQuote(file: String, line: Int)
  case textAfterQuote(file: String, line: Int, field: Int)
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

  public var kind: FailureKind {
    switch self {
    case .cannotOpen: .input
    case .readFailed, .writeFailed, .outputClosed: .io
    case .unknownColumn, .columnIndexOutOfRange, .noColumnToSmooth, .invalidOption: .usage
    case .unterminatedQuote, .textAfterQuote, .fieldCount, .notANumber, .badTimestamp,
      .timeWentBackwards, .headerMismatch, .stateCorrupt, .stateVersion, .stateMismatch:
      .data
    }
  }

  public var description: String {
    switch self {
    case .cannotOpen(let path, let reason): "cannot open \(MessageText.inline(path)): \(reason)"
    case .readFailed(let name, let reason): "cannot read \(MessageText.inline(name)): \(reason)"
    case .writeFailed(let reason): "cannot write standard output: \(reason)"
    case .outputClosed: "standard output was closed"
    case .unterminatedQuote(let file, let line):
      "\(MessageText.inline(file)), line \(line): a quoted field is not closed before the end of the input"
    case .textAfterQuote(let file, let line, let field):
      "\(MessageText.inline(file)), line \(line), field \(field): text follows the closing quote"
    case .fieldCount(let file, let line, let expected, let found):
      "\(MessageText.inline(file)), line \(line): expected \(expected) fields like the first line, found \(found)"
    case .notANumber(let file, let line, let column, let text):
      "\(MessageText.inline(file)), line \(line), column \(MessageText.quoted(column)): \(MessageText.quoted(text)) is not a number"
    case .badTimestamp(let file, let line, let column, let text):
      TimeValue.isOutOfRange(text)
        ? "\(MessageText.inline(file)), line \(line), column \(MessageText.quoted(column)): \(MessageText.quoted(text)) is outside the range of "
          + "timestamps in nanoseconds, \(TimeValue.instantRange)"
        : "\(MessageText.inline(file)), line \(line), column \(MessageText.quoted(column)): \(MessageText.quoted(text)) is not a timestamp "
          + "(ISO-8601 date or date-time, YYYY/MM/DD, or a number)"
    case .timeWentBackwards(let file, let line, let column, let text, let previous):
      "\(MessageText.inline(file)), line \(line), column \(MessageText.quoted(column)): time goes backwards, \(MessageText.quoted(text)) "
        + "is before \(MessageText.quoted(previous)) of the previous row of the same group"
    case .headerMismatch(let file, let expected, let found):
      "\(MessageText.inline(file)), line 1: the header \(MessageText.quoted(found)) differs from the first file's \(MessageText.quoted(expected))"
    case .unknownColumn(let name, let available):
      "no column named \(MessageText.quoted(name)); the columns are: \(available.map { MessageText.inline($0) }.joined(separator: ", "))"
    case .columnIndexOutOfRange(let index, let count):
      "column index \(index) is out of range; the input has columns 1 to \(count)"
    case .noColumnToSmooth(let available):
      "no column has a number as its first value; choose one with --column among: "
        + available.map { MessageText.inline($0) }.joined(separator: ", ")
    case .invalidOption(let sentence): sentence
    case .stateCorrupt(let path, let reason):
      "state file \(MessageText.inline(path)) is not valid: \(reason)"
    case .stateVersion(let path, let found, let expected):
      "state file \(MessageText.inline(path)) has format version \(found); this ewa reads version \(expected)"
    case .stateMismatch(let path, let what, let saved, let requested):
      "state file \(MessageText.inline(path)) was saved for \(what) \(MessageText.inline(saved)), not \(MessageText.inline(requested))"
    }
  }
}
