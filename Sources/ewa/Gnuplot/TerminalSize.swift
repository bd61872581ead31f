#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The size of the terminal standard output is on, for the live dumb chart.
enum TerminalSize {
  /// The size used when standard output is not a terminal or does not say.
  static let fallback = (columns: 80, rows: 24)

  /// Whether standard output is a terminal.
  static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// The columns and rows of the terminal on standard output (TIOCGWINSZ), or ``fallback``.
  static func current() -> (columns: Int, rows: Int) {
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0
    else { return fallback }
    return (Int(size.ws_col), Int(size.ws_row))
  }
}
