import EWA
import EWAIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a state file, held from reading the state to replacing it, so that two
/// runs with the same `--state` never both read the old state and one update is lost.
///
/// The lock is `flock(2)` on a separate file beside the state, `STATE.lock`, which is created
/// once and never renamed or removed: the state file itself is replaced by a rename, which would
/// leave a lock on it held on the old inode while a third run locks the new one. A run that finds
/// the lock held waits for it (the first run may well finish soon), up to a bounded time, and then
/// fails with ``SmoothError/stateLocked(path:seconds:)`` (exit 75, try again later).
///
/// The kernel releases the lock when the process ends, however it ends.
public final class StateLock {
  /// The path of the lock file for `statePath`.
  public static func lockPath(for statePath: String) -> String { statePath + ".lock" }

  private let descriptor: Int32

  /// Takes the lock of `statePath`, waiting up to `timeout` seconds for another run to release it.
  ///
  /// - Throws: ``SmoothError/stateLocked(path:seconds:)`` when it is still held after `timeout`,
  ///   ``SmoothError/stateLockFailed(path:reason:)`` when the lock file cannot be opened.
  public init(statePath: String, timeout: Double) throws(SmoothError) {
    let lockPath = Self.lockPath(for: statePath)
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o666)
    guard descriptor >= 0 else {
      throw .stateLockFailed(
        path: statePath,
        reason: "cannot open \(MessageText.inline(lockPath)): \(String(cString: strerror(errno)))")
    }
    var waited = 0.0
    let pause = 0.05
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      let error = errno
      guard error == EWOULDBLOCK || error == EINTR else {
        close(descriptor)
        throw .stateLockFailed(
          path: statePath,
          reason: "cannot lock \(MessageText.inline(lockPath)): \(String(cString: strerror(error)))"
        )
      }
      guard waited < timeout else {
        close(descriptor)
        throw .stateLocked(path: statePath, seconds: Int(timeout.rounded()))
      }
      usleep(UInt32(pause * 1e6))
      waited += pause
    }
    self.descriptor = descriptor
  }

  /// Releases the lock (also released when the value is dropped or the process ends).
  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
