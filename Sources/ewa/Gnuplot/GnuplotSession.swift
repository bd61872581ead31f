import ArgumentParser
import EWAIO
import EWAPlot
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One gnuplot process kept open for a whole live plot, fed commands and inline data through its
/// standard input (what gnuplot-iostream gives C++ programs, done with two pipes).
///
/// Each ``run(_:frame:)`` writes a frame's commands (``GnuplotScript/frame(_:terminal:output:number:)``)
/// and waits for its marker on gnuplot's standard output, so a frame's file is complete when it
/// returns. gnuplot's messages go to a temporary file whose last line is shown when it fails.
/// The child is registered with ``InterruptCleanup``: Ctrl-C ends it with `ewa`.
final class GnuplotSession {
  private let pid: pid_t
  private let token: InterruptCleanup.Token?
  private let commands: Int32
  private let replies: Int32
  private let messages: TemporaryFile
  private var pending: [UInt8] = []
  private var ended = false

  /// Starts `gnuplot`; with `persist`, a window it opens stays after the session ends.
  ///
  /// - Throws: ``PlotError`` (I/O) when the pipes or the messages file cannot be made;
  ///   `ExitCode` 70 when gnuplot cannot be started.
  init(gnuplot: String, persist: Bool) throws {
    messages = try TemporaryFile(suffix: ".err")
    var input: [Int32] = [-1, -1]
    var output: [Int32] = [-1, -1]
    guard Self.pipeClosedOnExec(&input) else { throw Self.failure("a pipe to gnuplot") }
    guard Self.pipeClosedOnExec(&output) else {
      close(input[0])
      close(input[1])
      throw Self.failure("a pipe from gnuplot")
    }
    let started: (pid: pid_t, token: InterruptCleanup.Token?)
    do {
      started = try GnuplotRunner.start(
        gnuplot, arguments: persist ? ["-persist"] : [],
        streams: [
          .descriptor(input[0]), .descriptor(output[1]),
          .file(messages.path, O_WRONLY | O_TRUNC),
        ])
    } catch {
      for descriptor in input + output { close(descriptor) }
      messages.remove()
      throw error
    }
    close(input[0])
    close(output[1])
    pid = started.pid
    token = started.token
    commands = input[1]
    replies = output[0]
  }

  deinit {
    if !ended { _ = try? finish() }
  }

  /// Sends `commands` and waits until gnuplot prints the marker of `frame`
  /// (``GnuplotScript/frameMarker(_:)``); returns the lines it printed before it. `drawing`
  /// names the file drawn (or is "the chart") in messages.
  ///
  /// - Throws: `ExitCode` 70, after saying why, when gnuplot ends or fails before the marker.
  @discardableResult
  func run(_ commands: String, frame: Int, drawing: String) throws -> [String] {
    let failed = Array(commands.utf8).withUnsafeBytes { writeFully(self.commands, $0) }
    let marker = GnuplotScript.frameMarker(frame)
    var before: [String] = []
    while failed == 0, let line = try nextLine() {
      if line == marker { return before }
      before.append(line)
    }
    // gnuplot went away: its wait status and last message say why.
    try finish(drawing: drawing)
    let what = drawing == "the chart" ? drawing : MessageText.inline(drawing)
    printError("gnuplot stopped drawing \(what)\(GnuplotRunner.lastMessage(in: messages.path))")
    throw ExitCode(ExitStatus.software.rawValue)
  }

  /// Asks gnuplot whether it can draw on `terminal`.
  func has(_ terminal: Terminal) throws -> Bool {
    let lines = try run(
      GnuplotScript.terminalCheck(terminal, number: 0), frame: 0,
      drawing: "the \(terminal.gnuplotName) window")
    return lines.contains(GnuplotScript.terminalPresent)
  }

  /// Ends the session: closes gnuplot's input and waits for it.
  ///
  /// - Throws: `ExitCode` 70 when gnuplot failed or was killed.
  func finish(drawing: String = "the chart") throws {
    guard !ended else { return }
    ended = true
    close(commands)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    InterruptCleanup.unregister(token)
    close(replies)
    defer { messages.remove() }
    try GnuplotRunner.check(status: status, messages: messages.path, drawing: drawing)
  }

  /// The next line gnuplot printed, or `nil` at the end of its output.
  private func nextLine() throws -> String? {
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        return line
      }
      let count = chunk.withUnsafeMutableBytes { read(replies, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return nil }
      pending += chunk[..<count]
      // A reply never runs this long: bounded memory whatever gnuplot prints.
      if pending.count > 1 << 20 { pending.removeAll() }
    }
  }

  /// A pipe whose two ends are closed in any program this process starts (the child gets its
  /// copies through `dup2`, which keeps them open).
  private static func pipeClosedOnExec(_ ends: inout [Int32]) -> Bool {
    guard pipe(&ends) == 0 else { return false }
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    return true
  }

  private static func failure(_ what: String) -> PlotError {
    PlotError(kind: .io, message: "cannot make \(what): \(String(cString: strerror(errno)))")
  }
}
