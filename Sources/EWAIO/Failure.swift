/// What went wrong, in the categories a command-line front end maps to exit statuses
/// (BSD sysexits: 64 usage, 65 bad data, 66 cannot open input, 69 unavailable, 74 I/O error,
/// 75 try again later).
public enum FailureKind: Sendable, Equatable {
  /// The request itself is invalid: an option out of range, options that conflict.
  case usage
  /// The input data is malformed: a cell that is not a number, a ragged row, a corrupt state file.
  case data
  /// An input file cannot be opened.
  case input
  /// A required external program is not available.
  case unavailable
  /// Reading or writing failed.
  case io
  /// A resource is busy for now (another run holds a lock); the same command may succeed later.
  case temporary
}

/// An error that reads as one complete sentence and knows its ``FailureKind``.
///
/// Every library error type conforms, so the `ewa` executable can print `description` on one line
/// and exit with the status of `kind`, without knowing each error type.
public protocol CategorizedError: Error, CustomStringConvertible {
  var kind: FailureKind { get }
}
