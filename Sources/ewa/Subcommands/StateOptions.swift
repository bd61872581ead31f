import ArgumentParser
import EWAIO
import EWASmooth

/// The state files of `ewa smooth`: `--state FILE` resumes from and saves to one file (locked
/// meanwhile); `--state-in FILE` only starts from a saved state and `--state-out FILE` only saves
/// the final one, so that the parts of one series can be smoothed apart and their states
/// combined (`ewa state combine`).
struct StateOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Resume from this file if it exists; save the final state to it (locked through "
        + "FILE.lock meanwhile).", valueName: "file"))
  var state: String?
  @Option(
    help: ArgumentHelp(
      "Start from the state saved in this file (which must exist); it is not written.",
      valueName: "file"))
  var stateIn: String?
  @Option(
    help: ArgumentHelp(
      "Save the final state to this file (atomically), without reading one; nothing is saved "
        + "when no data row was read and no --state-in was given.", valueName: "file"))
  var stateOut: String?

  /// Whether any state file is read or written.
  var isUsed: Bool { state != nil || stateIn != nil || stateOut != nil }

  func validate() throws {
    if state != nil, stateIn != nil || stateOut != nil {
      throw ValidationError(
        "--state reads and writes one file; give it alone, or --state-in and --state-out for "
          + "two.")
    }
  }

  /// The files as roles for ``FileRoles/check(_:)``: no output may be an input.
  var roles: [PathConflict.Role] {
    FileRoles.input("--state-in", stateIn) + FileRoles.output("--state-out", stateOut)
      + FileRoles.output("--state", state)
  }

  /// The lock of `--state FILE`, held from reading the state to replacing it.
  func lock() throws(SmoothError) -> StateLock? {
    try state.map { (path) throws(SmoothError) in try StateLock(statePath: path, timeout: 5) }
  }

  /// The state to start from and its file: `--state`'s if it exists, `--state-in`'s (which
  /// must exist), or nil.
  func load() throws(SmoothError) -> (state: SmoothState, path: String)? {
    if let state { return try SmoothState.load(path: state).map { ($0, state) } }
    return try stateIn.map { (path) throws(SmoothError) in
      (try SmoothState.loadExisting(path: path), path)
    }
  }

  /// Saves the final state to `--state` or `--state-out`, atomically.
  func save(_ final: SmoothState?) throws(AtomicFileError) {
    guard let path = state ?? stateOut, let final else { return }
    try final.save(path: path)
  }
}
