import EWATestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 10, live plotting: `ewa plot smooth --follow` and `ewa plot history --follow` keep one
/// gnuplot session open and redraw as the input grows, in bounded memory.
@Suite struct LivePlotTests {
  /// Starts `ewa` with `arguments` in `directory`, its output thrown away and its messages in
  /// the file `errors`.
  private func start(_ arguments: [String], in directory: URL, errors: URL) throws -> Process {
    let process = Process()
    process.executableURL = PackagePaths.ewa
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    #expect(FileManager.default.createFile(atPath: errors.path, contents: nil))
    process.standardError = try FileHandle(forWritingTo: errors)
    ProcessRun.launchLock.lock()
    defer { ProcessRun.launchLock.unlock() }
    try process.run()
    return process
  }

  /// Waits up to `seconds` for `condition`, checking every 20 ms.
  private func eventually(within seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      usleep(20_000)
    }
    return condition()
  }

  /// Waits up to 10 s for `process` to end; stops it if it does not.
  private func waitForExit(_ process: Process) -> Bool {
    let ended = eventually(within: 10) { !process.isRunning }
    if !ended { process.terminate() }
    process.waitUntilExit()
    return ended
  }

  /// Starts `ewa plot smooth in.csv --column v --follow -o live.png` in `folder` on a new FIFO
  /// `in.csv`, and returns it with the FIFO's writing end.
  private func followFIFO(in folder: TemporaryFolder) throws -> (Process, Int32) {
    let fifo = folder.file("in.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let process = try start(
      [
        "plot", "smooth", "in.csv", "--column", "v", "--beta", "0.5", "--follow", "--interval",
        "0.05", "-o", "live.png",
      ], in: folder.url, errors: folder.file("errors.txt"))
    // Opening blocks until ewa has opened its end.
    let writer = open(fifo, O_WRONLY)
    #expect(writer >= 0)
    return (process, writer)
  }

  @Test(.enabled(if: EWABinary.gnuplotIsAvailable))
  func aFIFOFedInStepsRewritesTheImageAfterEachStep() throws {
    let folder = try TemporaryFolder(prefix: "ewa-live")
    defer { folder.remove() }
    let image = folder.file("live.png")
    let (process, writer) = try followFIFO(in: folder)
    var previous: Data?
    for step in 0..<4 {
      let rows = (step == 0 ? "v\n" : "") + (1...3).map { "\(step * 3 + $0)\n" }.joined()
      _ = rows.withCString { write(writer, $0, strlen($0)) }
      // Each step pauses the input: the new rows are drawn within the bound.
      let redrawn = eventually(within: 5) {
        guard let data = try? Data(contentsOf: image), data.starts(with: [0x89, 0x50, 0x4E, 0x47])
        else { return false }
        return data != previous
      }
      #expect(redrawn, "step \(step): the image was not redrawn within 5 s")
      previous = try? Data(contentsOf: image)
    }
    close(writer)
    #expect(waitForExit(process))
    #expect(process.terminationStatus == 0)
    let errors = try String(contentsOf: folder.file("errors.txt"), encoding: .utf8)
    #expect(errors.isEmpty, "\(errors)")
    // Nothing of ewa's own is left beside the image.
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(left == ["errors.txt", "in.csv", "live.png"])
  }

  @Test(.enabled(if: EWABinary.gnuplotIsAvailable))
  func ctrlCEndsALivePlotWithTheImageCompleteAndNoTemporaryFileLeft() throws {
    let folder = try TemporaryFolder(prefix: "ewa-live")
    defer { folder.remove() }
    let image = folder.file("live.png")
    let (process, writer) = try followFIFO(in: folder)
    defer { close(writer) }
    _ = "v\n1\n2\n3\n".withCString { write(writer, $0, strlen($0)) }
    #expect(eventually(within: 5) { FileManager.default.fileExists(atPath: image.path) })
    process.interrupt()
    #expect(waitForExit(process))
    // It dies of the interrupt, as a shell expects, after cleaning up.
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGINT)
    let png = try Data(contentsOf: image)
    #expect(png.suffix(8) == Data([0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]))
    let temporary = FileManager.default.temporaryDirectory.path
    let prefix = "ewa-gnuplot-\(process.processIdentifier)-"
    let left = (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []
    #expect(!left.contains { $0.hasPrefix(prefix) }, "\(left.filter { $0.hasPrefix(prefix) })")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
        "errors.txt", "in.csv", "live.png",
      ])
  }

  @Test(.enabled(if: EWABinary.gnuplotIsAvailable))
  func theDumbChartIsRedrawnInPlaceOnAPseudoTerminal() throws {
    let folder = try TemporaryFolder(prefix: "ewa-live")
    defer { folder.remove() }
    let command =
      "(printf 'v\\n1\\n2\\n3\\n'; sleep 1; printf '4\\n5\\n'; sleep 1; printf '6\\n') | "
      + "'\(PackagePaths.ewa.path)' plot smooth --column v --follow --terminal dumb"
    let result = try ProcessRun(
      ["-q", "-c", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"),
      in: folder.url, environment: ["TERM": "dumb"], timeout: 30
    ).run()
    #expect(result.status == 0, "\(result.stderrText)")
    let text = result.stdoutText
    let redraws = text.components(separatedBy: "\u{1B}[H\u{1B}[2J").count - 1
    // A frame per pause (two pauses, then the end of input draws the last rows); a loaded
    // machine may merge two of them, never all.
    #expect(redraws >= 2, "\(redraws) redraws: \(text.prefix(400))")
    // In place: no form feed between frames, and each frame fits the 80 x 24 fallback.
    #expect(!text.contains("\u{0C}"))
    let frame = try #require(text.components(separatedBy: "\u{1B}[H\u{1B}[2J").last)
    // The terminal ends each line with "\r\n", one Character.
    let lines = frame.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    #expect(lines.count <= 24)
    let widest = lines.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.max {
      $0.count < $1.count
    }
    #expect((widest?.count ?? 0) <= 80, "\(widest ?? "")")
  }

  /// The peak resident memory of `ewa plot smooth --follow --last 1000` over `rows` rows, in KB.
  private func peakMemory(rows: Int, in folder: TemporaryFolder) throws -> Int {
    let name = "rows\(rows).csv"
    var text = "t,v\n"
    text.reserveCapacity(rows * 16)
    for row in 0..<rows { text += "\(row),\(Double(row % 1000) / 7)\n" }
    try text.write(to: folder.file(name), atomically: true, encoding: .utf8)
    let result = try ProcessRun(
      [
        "-f", "%M", PackagePaths.ewa.path, "plot", "smooth", name, "--column", "v", "--follow",
        "--last", "1000", "--interval", "3600", "-o", "m.png",
      ],
      executable: URL(fileURLWithPath: "/usr/bin/time"), in: folder.url, timeout: 120
    ).run()
    #expect(result.status == 0, "\(result.stderrText)")
    let last = result.stderrText.split(separator: "\n").last.map(String.init) ?? ""
    return try #require(Int(last.trimmingCharacters(in: .whitespaces)), "\(result.stderrText)")
  }

  @Test(
    .enabled(
      if: EWABinary.gnuplotIsAvailable && FileManager.default.fileExists(atPath: "/usr/bin/time")))
  func memoryStaysFlatOverALongStreamWithAWindow() throws {
    let folder = try TemporaryFolder(prefix: "ewa-live")
    defer { folder.remove() }
    let short = try peakMemory(rows: 20_000, in: folder)
    let long = try peakMemory(rows: 200_000, in: folder)
    // Ten times the rows: the same window, so the same memory within a few megabytes (the
    // whole 200 000 rows alone would take more than twice that as the one-shot path holds them).
    #expect(long <= short + 4096, "peak \(short) KB for 20 000 rows, \(long) KB for 200 000")
  }

  @Test(arguments: [
    (["--follow", "--last", "0", "--terminal", "dumb"], "--last 0"),
    (["--follow", "--last", "-3", "--terminal", "dumb"], "--last"),
    (["--follow", "--interval", "bad", "--terminal", "dumb"], "--interval"),
    (["--follow", "--interval", "0", "--terminal", "dumb"], "--interval 0.0"),
    (["--follow", "-o", "live.gp"], "cannot be redrawn"),
    (["--follow", "-o", "live.pdf"], "cannot be redrawn"),
    (["--last", "5", "--terminal", "dumb"], "add --follow"),
    (["--interval", "1", "--terminal", "dumb"], "add --follow"),
    (["--terminal", "x11"], "only with --follow"),
    (["--follow", "--terminal", "qt", "-o", "x.png"], "takes no --output"),
    (["--follow", "--compare-init", "--terminal", "dumb"], "--compare-init"),
  ])
  func liveOptionsThatCannotWorkAreRefused(arguments: [String], message: String) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["plot", "smooth", "--column", "v"] + arguments, in: directory, input: "v\n1\n")
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func historyFollowRefusesAWindowOfRows() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["plot", "history", "run.csv", "--follow", "--last", "5", "--terminal", "dumb"],
      in: directory)
    #expect(result.status == 64)
    #expect(result.stderr.contains("a history is drawn whole"), "\(result.stderr)")
  }

  /// Whether the gnuplot on `PATH` lists the x11 terminal (gnuplot-nox does not).
  static let gnuplotHasX11: Bool = {
    guard EWABinary.gnuplotIsAvailable,
      let result = try? ProcessRun(
        ["gnuplot", "-e", "print GPVAL_TERMINALS"], executable: URL(fileURLWithPath: "/usr/bin/env")
      ).run()
    else { return false }
    return (result.stdoutText + result.stderrText).split(separator: " ").contains("x11")
  }()

  @Test(.enabled(if: EWABinary.gnuplotIsAvailable && !gnuplotHasX11))
  func aWindowGnuplotDoesNotHaveIsAClearError() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["plot", "smooth", "--column", "v", "--follow", "--terminal", "x11"], in: directory,
      input: "v\n1\n")
    #expect(result.status == 69, "\(result.stderr)")
    #expect(result.stderr.contains("has no x11 terminal"), "\(result.stderr)")
  }

  @Test func trainWritesItsHistoryWhileItRuns() throws {
    let folder = try TemporaryFolder(prefix: "ewa-live")
    defer { folder.remove() }
    let history = folder.file("run.csv")
    // Long enough (seconds in a debug build) to be seen running.
    let training = try start(
      ["train", "--epochs", "3000", "--history", "run.csv"], in: folder.url,
      errors: folder.file("train.txt"))
    defer {
      if training.isRunning { training.terminate() }
      training.waitUntilExit()
    }
    // The first epoch is written at once, complete, under the final name.
    let written = eventually(within: 20) {
      ((try? String(contentsOf: history, encoding: .utf8)) ?? "").split(separator: "\n").count
        >= 2
    }
    #expect(written)
    let rows = try String(contentsOf: history, encoding: .utf8).split(separator: "\n")
    #expect(training.isRunning, "training ended before its history was seen growing")
    #expect(rows.count < 3001)
    #expect(rows.first?.hasPrefix("epoch,step,lr,cost") == true)
    #expect(FileManager.default.fileExists(atPath: folder.file("run-batches.csv").path))
  }

  @Test(.enabled(if: EWABinary.gnuplotIsAvailable))
  func historyFollowDrawsARunWhileItTrains() throws {
    let folder = try TemporaryFolder(prefix: "ewa-live")
    defer { folder.remove() }
    let image = folder.file("run.png")
    // Started first: the history does not exist yet and is waited for.
    let follower = try start(
      ["plot", "history", "run.csv", "--follow", "--interval", "0.05", "-o", "run.png"],
      in: folder.url, errors: folder.file("follower.txt"))
    usleep(300_000)
    #expect(follower.isRunning)
    #expect(!FileManager.default.fileExists(atPath: image.path))
    let training = try ProcessRun(
      ["train", "--epochs", "30", "--history", "run.csv"], in: folder.url, timeout: 120
    ).run()
    #expect(training.status == 0, "\(training.stderrText)")
    let drawn = eventually(within: 5) {
      (try? Data(contentsOf: image))?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true
    }
    #expect(drawn)
    #expect(follower.isRunning)
    // Ctrl-C or SIGTERM ends it, the image complete and nothing else left.
    follower.terminate()
    follower.waitUntilExit()
    #expect(follower.terminationReason == .uncaughtSignal)
    let png = try Data(contentsOf: image)
    #expect(png.suffix(8) == Data([0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]))
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(left == ["follower.txt", "run-batches.csv", "run.csv", "run.png"])
  }
}
