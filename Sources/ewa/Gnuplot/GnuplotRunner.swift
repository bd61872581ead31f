import ArgumentParser
import EWA
import EWAPlot
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `gnuplot` on a script built by the EWAPlot library: the only place `ewa` spawns it.
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
  /// - Throws: ``GnuplotMissing`` (exit 69) after writing the script when gnuplot is not on
  ///   `PATH`, `ExitCode` 70 after printing gnuplot's messages when it fails, and
  ///   ``AtomicFileError`` when a file cannot be written.
  static func draw(_ figure: Figure, to target: PlotTarget, comment: String) throws {
    switch target {
    case .script(let path, let terminal):
      let output = terminal.fileExtension.map { stem(of: path) + "." + $0 }
      try AtomicFile.write(
        GnuplotScript.render(figure, terminal: terminal, output: output, comment: comment),
        to: path)
    case .image(let path, let terminal):
      try checkWritableDirectory(of: path)
      guard let gnuplot = locate() else {
        let script = directory(of: path) + stem(of: path) + ".gp"
        try draw(figure, to: .script(path: script, terminal: terminal), comment: comment)
        throw GnuplotMissing(scriptPath: script, drawing: path)
      }
      // Refuses a directory, a read-only file or a dangling link before gnuplot runs; the image
      // is then copied through the writer, which keeps a symlink, a device or a file's mode.
      let writer = try AtomicWriter(path: path)
      let temporary =
        directory(of: path) + ".\(stem(of: path)).\(getpid()).tmp.\(terminal.fileExtension ?? "")"
      let script = GnuplotScript.render(
        figure, terminal: terminal, output: temporary, comment: comment)
      let cleanup = InterruptCleanup.register(file: temporary)
      defer {
        unlink(temporary)
        InterruptCleanup.unregister(cleanup)
      }
      try run(gnuplot, script: script, drawing: path, standardOutput: .nullDevice)
      try checkDrawn(temporary, drawing: path)
      guard let image = FileManager.default.contents(atPath: temporary) else {
        throw PlotError(
          kind: .io, message: "cannot read the image gnuplot drew for \(MessageText.inline(path))")
      }
      try writer.write(image)
      try writer.commit()
    case .dumb(let terminal, let fallbackName):
      guard let gnuplot = locate() else {
        let script = fallbackName + ".gp"
        try draw(figure, to: .script(path: script, terminal: terminal), comment: comment)
        throw GnuplotMissing(scriptPath: script, drawing: nil)
      }
      let script = GnuplotScript.render(figure, terminal: terminal, output: nil, comment: comment)
      // gnuplot does not check its own writes, so the chart is captured in a file and copied
      // through ewa's checked standard output (a full disk or closed output is then exit 74).
      let chart = FileManager.default.temporaryDirectory
        .appendingPathComponent("ewa-chart-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).txt")
      let cleanup = InterruptCleanup.register(file: chart.path)
      defer {
        unlink(chart.path)
        InterruptCleanup.unregister(cleanup)
      }
      let descriptor = open(chart.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      guard descriptor >= 0 else {
        throw PlotError(
          kind: .io, message: "cannot create a temporary file: \(String(cString: strerror(errno)))")
      }
      let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      try run(gnuplot, script: script, drawing: "the chart", standardOutput: handle)
      try handle.seek(toOffset: 0)
      while let block = try handle.read(upToCount: 1 << 16), !block.isEmpty {
        try StandardOutput.write(block)
      }
    }
  }

  /// Runs gnuplot on `script`, written to a temporary file (gnuplot reads a file two to three
  /// times faster than its standard input); its standard output goes to `standardOutput`, its
  /// standard error to a temporary file that is shown if it fails.
  private static func run(
    _ gnuplot: String, script: String, drawing: String, standardOutput: FileHandle
  ) throws {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("ewa-gnuplot-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
    let messages = base.appendingPathExtension("err")
    let scriptFile = base.appendingPathExtension("gp")
    defer {
      try? FileManager.default.removeItem(at: messages)
      try? FileManager.default.removeItem(at: scriptFile)
    }
    _ = FileManager.default.createFile(atPath: messages.path, contents: nil)
    try AtomicFile.write(script, to: scriptFile.path)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: gnuplot)
    process.arguments = [scriptFile.path]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = standardOutput
    process.standardError = try FileHandle(forWritingTo: messages)
    do {
      try process.run()
    } catch {
      printError("cannot start \(gnuplot): \(error.localizedDescription)")
      throw ExitCode(ExitStatus.software.rawValue)
    }
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let text = (try? String(contentsOf: messages, encoding: .utf8)) ?? ""
      printError("gnuplot failed (exit status \(process.terminationStatus)) drawing \(drawing):")
      // gnuplot echoes script lines, which hold the data's text: each line is escaped, and
      // a flood is cut.
      let lines = text.split(separator: "\n")
      for line in lines.prefix(20) {
        let shown = line.count > 300 ? line.prefix(300) + "…" : line
        writeStandardError("  " + terminalSafe(String(shown)) + "\n")
      }
      if lines.count > 20 {
        writeStandardError("  … (\(lines.count) lines in all)\n")
      }
      throw ExitCode(ExitStatus.software.rawValue)
    }
  }

  /// Fails with a sentence naming `path` unless its directory exists and is writable, before
  /// gnuplot is asked to write there.
  private static func checkWritableDirectory(of path: String) throws(PlotError) {
    let directory = directory(of: path).isEmpty ? "." : directory(of: path)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw PlotError(
        kind: .io,
        message:
          "cannot write \(MessageText.inline(path)): no directory \(MessageText.inline(directory))")
    }
    guard FileManager.default.isWritableFile(atPath: directory) else {
      throw PlotError(
        kind: .io,
        message:
          "cannot write \(MessageText.inline(path)): \(MessageText.inline(directory)) is not writable"
      )
    }
  }

  /// Fails unless gnuplot left a non-empty file at `path`.
  private static func checkDrawn(_ path: String, drawing: String) throws {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size > 0 else {
      printError("gnuplot exited without drawing \(drawing)")
      throw ExitCode(ExitStatus.software.rawValue)
    }
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
