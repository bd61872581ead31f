import ArgumentParser
import EWA
import EWAIO
import EWAPlot
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `gnuplot` on a script built by the EWAPlot library: the only place `ewa` spawns it.
///
/// The script, gnuplot's messages and the image it draws go to temporary files in `$TMPDIR`,
/// each registered with ``InterruptCleanup`` (with the gnuplot child) so that Ctrl-C or SIGTERM
/// leaves none behind; the image then reaches its path through ``AtomicFile``, the one writer.
enum GnuplotRunner {
  /// The full path of the first executable `gnuplot` on `PATH`, or `nil`.
  static func locate(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
    for directory in (path ?? "").split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/gnuplot"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Draws `figure` where `target` says: writes the script, renders an image atomically, or
  /// prints the dumb terminal's text on standard output.
  ///
  /// - Throws: ``GnuplotMissing`` (exit 69) when gnuplot is not on `PATH`, after writing the
  ///   script beside the output unless a file of that name exists; `ExitCode` 70 after saying
  ///   why when gnuplot fails or is killed; ``PlotError`` or ``AtomicFileError`` when a file
  ///   cannot be written or named in a script.
  static func draw(_ figure: Figure, to target: PlotTarget, comment: String) throws {
    switch target {
    case .script(let path, let terminal):
      try GnuplotText.checkPath(path, role: "the script file")
      try AtomicFile.write(script(figure, terminal: terminal, besides: path, comment), to: path)
    case .image(let path, let terminal):
      try GnuplotText.checkPath(path, role: "the output file")
      try checkWritableDirectory(of: path)
      guard let gnuplot = locate() else {
        let script = directory(of: path) + stem(of: path) + ".gp"
        try missing(figure, script: script, terminal: terminal, comment: comment, drawing: path)
      }
      let image = try TemporaryFile(suffix: "." + (terminal.fileExtension ?? "out"))
      defer { image.remove() }
      let script = GnuplotScript.render(
        figure, terminal: terminal, output: image.path, comment: comment)
      try run(gnuplot, script: script, drawing: path, output: nil)
      let data = try checkDrawn(image.path, drawing: path)
      try AtomicFile.write(data, to: path)
    case .dumb(let terminal, let fallbackName):
      guard let gnuplot = locate() else {
        try missing(
          figure, script: fallbackName + ".gp", terminal: terminal, comment: comment,
          drawing: nil)
      }
      let script = GnuplotScript.render(figure, terminal: terminal, output: nil, comment: comment)
      // gnuplot ignores a failed write: its text goes to a file first, then to standard output
      // here, where a failure is reported (74).
      let text = try TemporaryFile(suffix: ".txt")
      defer { text.remove() }
      try run(gnuplot, script: script, drawing: "the chart", output: text.path)
      let chart = (try? Data(contentsOf: URL(fileURLWithPath: text.path))) ?? Data()
      // Through the one checked standard output (74 on a failed write, quiet on EPIPE).
      try StandardOutput.write(chart)
    }
  }

  /// The script saved at `path`: it draws on `terminal`, into the image named like `path`
  /// beside it (or as text).
  private static func script(
    _ figure: Figure, terminal: Terminal, besides path: String, _ comment: String
  ) -> String {
    let output = terminal.fileExtension.map { stem(of: path) + "." + $0 }
    return GnuplotScript.render(figure, terminal: terminal, output: output, comment: comment)
  }

  /// gnuplot is missing: writes the script to `script` unless something is there already (a
  /// fallback never replaces a file; asking for the script with `-o` does), then throws
  /// ``GnuplotMissing`` saying which happened.
  private static func missing(
    _ figure: Figure, script: String, terminal: Terminal, comment: String, drawing: String?
  ) throws -> Never {
    try GnuplotText.checkPath(script, role: "the script file")
    let text = self.script(figure, terminal: terminal, besides: script, comment)
    let written = try writeNew(text, to: script)
    throw GnuplotMissing(
      scriptPath: script, drawing: drawing, scriptWritten: written,
      dumb: terminal.fileExtension == nil)
  }

  /// Creates `path` with `text`, or returns `false` without touching it when anything (a file,
  /// a directory, a link, even a broken one) already has that name.
  ///
  /// - Throws: ``PlotError`` (I/O) when the file cannot be created or written; a partial file is
  ///   removed, also on an interrupt.
  private static func writeNew(_ text: String, to path: String) throws(PlotError) -> Bool {
    let token = InterruptCleanup.register(file: path)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      let code = errno
      // Not ours: an interrupt now must not remove what was there before.
      InterruptCleanup.unregister(token)
      if code == EEXIST { return false }
      throw PlotError(
        kind: .io,
        message: "cannot write \(MessageText.inline(path)): \(String(cString: strerror(code)))")
    }
    var failure = writeAll(Array(text.utf8), to: descriptor)
    if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
    if failure != nil { unlink(path) }
    InterruptCleanup.unregister(token)
    if let failure {
      throw PlotError(kind: .io, message: "cannot write \(MessageText.inline(path)): \(failure)")
    }
    return true
  }

  /// Writes every byte to `descriptor`; returns the system's reason when it cannot.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
    let failure = bytes.withUnsafeBytes { writeFully(descriptor, $0) }
    return failure == 0 ? nil : String(cString: strerror(failure))
  }

  /// Runs gnuplot on `script`, written to a temporary file (gnuplot reads a file two to three
  /// times faster than its standard input); its standard output goes to the file `output` (or
  /// nowhere), its standard error to a temporary file whose last line is shown if it fails.
  private static func run(
    _ gnuplot: String, script: String, drawing: String, output: String?
  ) throws {
    let scriptFile = try TemporaryFile(suffix: ".gp", contents: Array(script.utf8))
    defer { scriptFile.remove() }
    let messages = try TemporaryFile(suffix: ".err")
    defer { messages.remove() }

    // An interrupt between the start and the registration would leave gnuplot running: this
    // thread holds interrupts until the child is registered (the child is started with none
    // blocked and default handling), and a handler running on another thread meanwhile waits
    // for the registration.
    var interrupts = sigset_t()
    var previous = sigset_t()
    sigemptyset(&interrupts)
    for number in SignalHandlers.interrupts { sigaddset(&interrupts, number) }
    pthread_sigmask(SIG_BLOCK, &interrupts, &previous)
    InterruptCleanup.beginStartingChild()
    let started = spawn(
      gnuplot, arguments: [scriptFile.path], output: output ?? "/dev/null",
      errors: messages.path)
    let child = started.pid.map { InterruptCleanup.register(child: $0) }
    InterruptCleanup.endStartingChild()
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    guard let pid = started.pid else {
      printError(
        "cannot start \(MessageText.inline(gnuplot)): \(String(cString: strerror(started.code)))")
      throw ExitCode(ExitStatus.software.rawValue)
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    InterruptCleanup.unregister(child ?? nil)
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
      let text = (try? Data(contentsOf: URL(fileURLWithPath: messages.path))) ?? Data()
      let last = text.split(separator: UInt8(ascii: "\n")).last(where: {
        $0.contains { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }
      })
      let reason = last.map { ": " + MessageText.quoted(bytes: $0, limit: 200) } ?? ""
      printError("gnuplot failed (exit status \(exitStatus)) drawing \(what)\(reason)")
      throw ExitCode(ExitStatus.software.rawValue)
    }
  }

  /// Starts `path` with standard input from `/dev/null`, standard output to the file `output`
  /// and standard error to the file `errors`, with no signal blocked and the interrupts at their
  /// default handling whatever this process does with them.
  ///
  /// - Returns: the child's id, or `nil` and the system's error code.
  private static func spawn(_ path: String, arguments: [String], output: String, errors: String)
    -> (pid: pid_t?, code: Int32)
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_TRUNC, 0)
    posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_TRUNC, 0)
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

  /// Fails with a sentence naming `path` unless its directory exists and is writable, before
  /// gnuplot is asked to draw.
  private static func checkWritableDirectory(of path: String) throws(PlotError) {
    let directory = directory(of: path).isEmpty ? "." : directory(of: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw PlotError(
        kind: .io,
        message:
          "cannot write \(MessageText.inline(path)): no directory \(MessageText.inline(directory))"
      )
    }
    guard FileManager.default.isWritableFile(atPath: directory) else {
      throw PlotError(
        kind: .io,
        message:
          "cannot write \(MessageText.inline(path)): \(MessageText.inline(directory)) is not "
          + "writable")
    }
  }

  /// The image gnuplot left at `path`; fails unless it is a non-empty file.
  private static func checkDrawn(_ path: String, drawing: String) throws -> Data {
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)), !data.isEmpty else {
      printError("gnuplot exited without drawing \(MessageText.inline(drawing))")
      throw ExitCode(ExitStatus.software.rawValue)
    }
    return data
  }

  /// The directory part of `path` with its trailing slash, or "" for a bare name.
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[...slash])
  }

  /// The file name of `path` without directory or extension.
  static func stem(of path: String) -> String {
    let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }
}
