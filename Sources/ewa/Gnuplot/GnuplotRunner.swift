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
    case .window:
      throw PlotError(kind: .usage, message: "a window is drawn only by a live plot (--follow)")
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

    let (pid, child) = try start(
      gnuplot, arguments: [scriptFile.path],
      streams: [
        .file("/dev/null", O_RDONLY), .file(output ?? "/dev/null", O_WRONLY | O_TRUNC),
        .file(messages.path, O_WRONLY | O_TRUNC),
      ])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    InterruptCleanup.unregister(child)
    try check(status: status, messages: messages.path, drawing: drawing)
  }

  /// Fails with a sentence naming `path` unless its directory exists and is writable, before
  /// gnuplot is asked to draw.
  static func checkWritableDirectory(of path: String) throws(PlotError) {
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
  static func checkDrawn(_ path: String, drawing: String) throws -> Data {
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
