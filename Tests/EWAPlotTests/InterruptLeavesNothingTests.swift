import EWATestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 8, class 4 (gnuplot side): SIGTERM, Ctrl-C or a closed terminal while gnuplot draws
/// leaves no temporary file (in the output's directory or in `$TMPDIR`) and no gnuplot child; a
/// fallback script written when gnuplot is missing never replaces an existing file.
@Suite struct InterruptLeavesNothingTests {
  /// Whether process `pid` has ended (gone, or a zombie waiting to be reaped).
  static func hasEnded(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
      return kill(pid, 0) != 0
    }
    // The state follows the parenthesised command name.
    guard let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state == "Z" || state == "X"
  }

  @Test(
    arguments: [
      (SIGTERM, ["-o", "out.png"]), (SIGINT, ["--terminal", "dumb"]), (SIGHUP, ["-o", "out.svg"]),
    ])
  func aSignalWhileGnuplotDrawsLeavesNoFileAndNoChild(signal: Int32, output: [String]) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let temporary = directory.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    let pidFile = directory.appendingPathComponent("gnuplot.pid")
    // A gnuplot that records its pid and then draws for a long time (the same process: exec).
    let bin = try DataGnuplotWouldTripOnTests.fakeGnuplot(
      "echo $$ > '\(pidFile.path)'\nexec sleep 60")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: EWABinary.path)
    process.arguments =
      ["plot", "trajectory", "--function", "rosenbrock", "--steps", "20000"] + output
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["PATH"] = bin.path + ":/usr/bin:/bin"
    environment["TMPDIR"] = temporary.path
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    var gnuplot: Int32?
    for _ in 0..<600 where gnuplot == nil {
      usleep(50_000)
      gnuplot = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap {
        Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
      }
    }
    let child = try #require(gnuplot, "the fake gnuplot never started")
    // While gnuplot draws, ewa's temporary files exist (the script, its messages, the image).
    let during = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
    #expect(during.count >= 2, "\(during)")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(left.sorted() == ["gnuplot.pid", "tmp"])
    var ended = false
    for _ in 0..<100 where !ended {
      ended = Self.hasEnded(child)
      if !ended { usleep(20_000) }
    }
    #expect(ended, "gnuplot (pid \(child)) is still running")
    if !ended { kill(child, SIGKILL) }
  }

  @Test func aFallbackScriptNeverReplacesAFile() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let mine = "my own notes\n"
    for name in ["x.gp", "schedule.gp"] {
      try mine.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let cases: [([String], String, String)] = [
      (["-o", "x.png"], "x.gp", "run the command again with -o x.gp to replace it"),
      (["--terminal", "dumb"], "schedule.gp", "with -o schedule.gp --terminal dumb to replace it"),
    ]
    for (output, name, hint) in cases {
      let result = try EWABinary.run(
        ["plot", "schedule", "--epochs", "5"] + output, in: directory, path: "/nonexistent")
      #expect(result.status == 69)
      #expect(
        result.stderr.contains("the script was not written either, because \(name) already exists"))
      #expect(result.stderr.contains(hint), "\(result.stderr)")
      #expect(result.stderr.filter { $0 == "\n" }.count == 1)
      let kept = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      #expect(kept == mine)
    }
    // A dangling link is not replaced either.
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("y.gp").path, withDestinationPath: "nowhere")
    let linked = try EWABinary.run(
      ["plot", "schedule", "--epochs", "5", "-o", "y.png"], in: directory, path: "/nonexistent")
    #expect(linked.status == 69)
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("nowhere").path))
    // Asked for explicitly, the script does replace the file.
    let explicit = try EWABinary.run(
      ["plot", "schedule", "--epochs", "5", "-o", "x.gp"], in: directory, path: "/nonexistent")
    #expect(explicit.status == 0)
    #expect(
      try String(contentsOf: directory.appendingPathComponent("x.gp"), encoding: .utf8) != mine)
    // Without a file in the way the fallback is written, and says so.
    let fresh = try EWABinary.run(
      ["plot", "schedule", "--epochs", "5", "-o", "z.png"], in: directory, path: "/nonexistent")
    #expect(fresh.status == 69)
    #expect(fresh.stderr.contains("wrote the script to z.gp instead"))
  }
}
