import ArgumentParser
import EWAIO
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starting gnuplot and judging how it ended: shared by the one-shot runs of
/// ``GnuplotRunner`` and the live ``GnuplotSession``.
extension GnuplotRunner {
  /// Where a child's standard stream comes from or goes to.
  enum ChildStream {
    /// The file at the path, opened with the flags.
    case file(String, Int32)
    /// A descriptor of this process.
    case descriptor(Int32)
  }

  /// Starts gnuplot with `streams` as its descriptors 0, 1 and 2, registered with
  /// ``InterruptCleanup`` so that an interrupt ends it.
  ///
  /// An interrupt between the start and the registration would leave gnuplot running: this
  /// thread holds interrupts until the child is registered (the child is started with none
  /// blocked and default handling), and a handler running on another thread meanwhile waits
  /// for the registration.
  ///
  /// - Throws: `ExitCode` 70 after saying why when it cannot be started.
  static func start(_ gnuplot: String, arguments: [String], streams: [ChildStream]) throws
    -> (pid: pid_t, token: InterruptCleanup.Token?)
  {
    var interrupts = sigset_t()
    var previous = sigset_t()
    sigemptyset(&interrupts)
    for number in SignalHandlers.interrupts { sigaddset(&interrupts, number) }
    pthread_sigmask(SIG_BLOCK, &interrupts, &previous)
    InterruptCleanup.beginStartingChild()
    let started = spawn(gnuplot, arguments: arguments, streams: streams)
    let child = started.pid.map { InterruptCleanup.register(child: $0) }
    InterruptCleanup.endStartingChild()
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    guard let pid = started.pid else {
      printError(
        "cannot start \(MessageText.inline(gnuplot)): \(String(cString: strerror(started.code)))")
      throw ExitCode(ExitStatus.software.rawValue)
    }
    return (pid, child ?? nil)
  }

  /// Fails, saying why, unless the wait `status` of gnuplot is a clean exit: a signal that
  /// killed it, or its exit status with the last line it wrote to the file `messages`.
  ///
  /// - Throws: `ExitCode` 70.
  static func check(status: Int32, messages: String, drawing: String) throws {
    let what = drawing == "the chart" ? drawing : MessageText.inline(drawing)
    // The wait status: a signal number in the low 7 bits, else the exit status above them.
    let signal = status & 0x7F
    if signal != 0 && signal != 0x7F {
      printError(
        "gnuplot was killed by signal \(signal) (\(signalName(signal))) while drawing \(what)")
      throw ExitCode(ExitStatus.software.rawValue)
    }
    let exitStatus = (status >> 8) & 0xFF
    guard exitStatus == 0 else {
      printError(
        "gnuplot failed (exit status \(exitStatus)) drawing \(what)\(lastMessage(in: messages))")
      throw ExitCode(ExitStatus.software.rawValue)
    }
  }

  /// `: "<the last non-blank line>"` of the file `messages`, or "" when it has none.
  static func lastMessage(in messages: String) -> String {
    let text = (try? Data(contentsOf: URL(fileURLWithPath: messages))) ?? Data()
    let last = text.split(separator: UInt8(ascii: "\n")).last(where: {
      $0.contains { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }
    })
    return last.map { ": " + MessageText.quoted(bytes: $0, limit: 200) } ?? ""
  }

  /// Starts `path` with `streams` as its descriptors 0, 1 and 2, with no signal blocked and the
  /// interrupts at their default handling whatever this process does with them.
  ///
  /// - Returns: the child's id, or `nil` and the system's error code.
  private static func spawn(_ path: String, arguments: [String], streams: [ChildStream])
    -> (pid: pid_t?, code: Int32)
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for (number, stream) in streams.enumerated() {
      switch stream {
      case .file(let file, let flags):
        posix_spawn_file_actions_addopen(&actions, Int32(number), file, flags, 0)
      case .descriptor(let descriptor):
        posix_spawn_file_actions_adddup2(&actions, descriptor, Int32(number))
      }
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for number in SignalHandlers.interrupts + [SIGPIPE] { sigaddset(&defaults, number) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let code = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    return code == 0 ? (pid, 0) : (nil, code)
  }

  /// `SIGKILL` for 9, and so on; `an unnamed signal` for one without a usual name.
  static func signalName(_ number: Int32) -> String {
    let names: [Int32: String] = [
      SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGQUIT: "SIGQUIT", SIGILL: "SIGILL",
      SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
      SIGKILL: "SIGKILL", SIGUSR1: "SIGUSR1", SIGSEGV: "SIGSEGV", SIGUSR2: "SIGUSR2",
      SIGPIPE: "SIGPIPE", SIGALRM: "SIGALRM", SIGTERM: "SIGTERM", SIGXCPU: "SIGXCPU",
      SIGXFSZ: "SIGXFSZ", SIGSYS: "SIGSYS",
    ]
    return names[number] ?? "an unnamed signal"
  }
}
