import EWA
import EWAIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one way `ewa` writes to standard output: buffered, every write(2) checked, flushed and
/// checked once more when a command ends (``reportingErrors(_:)``).
///
/// A full disk or a closed descriptor (`> /dev/full`, `>&-`) fails with exit 74 and one line on
/// standard error; a reader that went away (`ewa … | head`, EPIPE) ends the command quietly with
/// exit 0, as `ewa smooth` always has.
enum StandardOutput {
  nonisolated(unsafe) private static var buffer: [UInt8] = []
  nonisolated(unsafe) private static var closedAtStart = false
  private static let capacity = 1 << 16
  private static let isTerminal = isatty(STDOUT_FILENO) != 0

  /// Makes sure descriptors 0, 1 and 2 are open before anything else is, so that no file
  /// `ewa` opens later becomes "standard output" by accident: a closed one is pointed at
  /// `/dev/null`, and a closed standard output is remembered so the first write fails.
  static func secureStandardDescriptors() {
    for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO]
    where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let opened = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
      if opened >= 0 && opened != descriptor {
        dup2(opened, descriptor)
        close(opened)
      }
      if descriptor == STDOUT_FILENO { closedAtStart = true }
    }
    // A closed pipe is reported by write(2) as EPIPE, not by a signal that kills ewa.
    signal(SIGPIPE, SIG_IGN)
    // What the argument parser prints (--help, --version) goes through C's stdio: its failure
    // is caught at exit.
    atexit {
      guard fflush(nil) != 0 else { return }
      let error = errno
      guard error != EPIPE else { return }
      printError("cannot write standard output: " + String(cString: strerror(error)))
      _exit(ExitStatus.io.rawValue)
    }
  }

  /// Fails at once when standard output was closed when `ewa` started (for commands that write
  /// to the descriptor themselves).
  static func checkOpen() throws(StandardOutputError) {
    if closedAtStart { throw .failed(reason: "it is closed") }
  }

  /// Appends `text` and `terminator`, like `print`.
  static func print(_ text: String, terminator: String = "\n") throws(StandardOutputError) {
    try write(Array(text.utf8))
    if !terminator.isEmpty { try write(Array(terminator.utf8)) }
    if isTerminal { try flush() }
  }

  /// Appends raw bytes.
  static func write<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(StandardOutputError) {
    try checkOpen()
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { try flush() }
  }

  /// Writes out everything buffered, retrying interrupted and short writes.
  static func flush() throws(StandardOutputError) {
    guard !buffer.isEmpty else { return }
    try checkOpen()
    let failure = buffer.withUnsafeBytes { writeFully(STDOUT_FILENO, $0) }
    buffer.removeAll(keepingCapacity: true)
    if failure == EPIPE { throw .readerGone }
    if failure != 0 { throw .failed(reason: String(cString: strerror(failure))) }
  }

}

/// Standard output could not be written.
enum StandardOutputError: CategorizedError, Equatable {
  /// The reader went away (EPIPE): the command stops quietly with exit 0.
  case readerGone
  /// Writing failed (a full disk, a closed descriptor).
  case failed(reason: String)

  var kind: FailureKind { .io }

  var description: String {
    switch self {
    case .readerGone: "standard output was closed by its reader"
    case .failed(let reason): "cannot write standard output: \(reason)"
    }
  }
}
