#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What must not outlive an interrupted `ewa`: temporary files being written and child processes
/// (gnuplot) being waited for.
///
/// Writers register a temporary file before creating it and unregister it once it has been
/// renamed into place or removed; the executable's signal handler (SIGINT, SIGTERM, SIGHUP) calls
/// ``cleanUpAfterSignal()``, which removes every registered file and sends SIGTERM to every
/// registered child. The registry is a fixed table of C strings and process ids, so the handler
/// only reads memory and calls `unlink` and `kill`, both async-signal-safe.
public enum InterruptCleanup {
  /// How many temporary files and children can be registered at once; a writer that finds the
  /// table full still works, it only loses the clean-up on a signal.
  static let capacity = 64

  /// A registration, to be passed back to ``unregister(_:)``.
  public struct Token: Sendable, Equatable {
    let slot: Int
  }

  nonisolated(unsafe) private static let files = {
    let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
    table.initialize(repeating: nil, count: capacity)
    return table
  }()

  nonisolated(unsafe) private static let children = {
    let table = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
    table.initialize(repeating: 0, count: capacity)
    return table
  }()

  nonisolated(unsafe) private static let lock = {
    let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    return mutex
  }()

  /// Registers `path` for removal if the process is interrupted.
  ///
  /// - Returns: a token for ``unregister(_:)``, or `nil` when the table is full.
  @discardableResult
  public static func register(file path: String) -> Token? {
    pthread_mutex_lock(lock)
    defer { pthread_mutex_unlock(lock) }
    for slot in 0..<capacity where files[slot] == nil {
      files[slot] = strdup(path)
      return Token(slot: slot)
    }
    return nil
  }

  /// Nonzero while a child is being started and its id is not yet registered.
  nonisolated(unsafe) private static let starting = {
    let flag = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    flag.initialize(to: 0)
    return flag
  }()

  /// Marks that a child is being started: an interrupt from now until ``endStartingChild()``
  /// waits (up to a second) for the child's id to be registered, so that the child is ended
  /// too; call it before starting the child, and ``endStartingChild()`` once it is registered
  /// (or failed to start).
  public static func beginStartingChild() { starting.pointee = 1 }

  /// Ends what ``beginStartingChild()`` began.
  public static func endStartingChild() { starting.pointee = 0 }

  /// Registers a child process to be sent SIGTERM if this process is interrupted.
  @discardableResult
  public static func register(child pid: Int32) -> Token? {
    pthread_mutex_lock(lock)
    defer { pthread_mutex_unlock(lock) }
    for slot in 0..<capacity where children[slot] == 0 {
      children[slot] = pid
      return Token(slot: capacity + slot)
    }
    return nil
  }

  /// Forgets a registration: the file was renamed or removed, or the child has ended.
  public static func unregister(_ token: Token?) {
    guard let token else { return }
    pthread_mutex_lock(lock)
    defer { pthread_mutex_unlock(lock) }
    if token.slot < capacity {
      let path = files[token.slot]
      files[token.slot] = nil
      free(path)
    } else {
      children[token.slot - capacity] = 0
    }
  }

  /// The registered temporary files, for tests.
  public static var registeredFiles: [String] {
    pthread_mutex_lock(lock)
    defer { pthread_mutex_unlock(lock) }
    return (0..<capacity).compactMap { files[$0].map { String(cString: $0) } }
  }

  /// Terminates every registered child, waits up to a second for them to end (so a child
  /// cannot create a file after it was removed), then removes every registered file. Safe to
  /// call from a signal handler: it takes no lock and allocates nothing (`kill`, `waitpid`,
  /// `nanosleep` and `unlink` are async-signal-safe).
  public static func cleanUpAfterSignal() {
    var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
    // A child being started: wait for its id (the starting thread keeps running).
    for _ in 0..<100 where starting.pointee != 0 { nanosleep(&pause, nil) }
    for slot in 0..<capacity {
      let pid = children[slot]
      if pid > 0 { kill(pid, SIGTERM) }
    }
    for slot in 0..<capacity {
      let pid = children[slot]
      guard pid > 0 else { continue }
      // 0: still running; the child itself, or -1 (already reaped elsewhere): ended.
      for _ in 0..<100 where waitpid(pid, nil, WNOHANG) == 0 {
        nanosleep(&pause, nil)
      }
    }
    for slot in 0..<capacity {
      if let path = files[slot] { unlink(path) }
    }
  }
}
