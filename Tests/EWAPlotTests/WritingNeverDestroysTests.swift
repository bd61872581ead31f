import EWATestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing a file never destroys another one, end to end: `--history`, `--save`, `--state` and
/// `-o` go through one writer that looks at the path first.
@Suite struct WritingNeverDestroysTests {
  func train(_ extra: [String], in directory: URL) throws -> EWABinary.Result {
    try EWABinary.run(["train", "--epochs", "3"] + extra, in: directory)
  }

  func kind(_ path: String) -> mode_t {
    var info = stat()
    _ = lstat(path, &info)
    return info.st_mode & S_IFMT
  }

  func mode(_ path: String) -> stat {
    var info = stat()
    _ = stat(path, &info)
    return info
  }

  @Test func throughASymlinkTheTargetIsReplacedAndTheLinkStays() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let real = directory.appendingPathComponent("runs")
    try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
    try "old\n".write(
      to: real.appendingPathComponent("model.json"), atomically: true, encoding: .utf8)
    #expect(symlink("runs/model.json", directory.appendingPathComponent("latest.json").path) == 0)
    let run = try train(["--save", "latest.json"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(kind(directory.appendingPathComponent("latest.json").path) == S_IFLNK)
    let saved = try String(contentsOf: real.appendingPathComponent("model.json"), encoding: .utf8)
    #expect(saved.hasPrefix("{"))
    #expect(EWABinary.names(in: real) == ["model.json"])
  }

  @Test func aDanglingSymlinkIsRefused() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    #expect(symlink("nowhere/x.json", directory.appendingPathComponent("m.json").path) == 0)
    let run = try train(["--save", "m.json"], in: directory)
    #expect(run.status == 74)
    #expect(run.stderr.hasSuffix("create the target or remove the link\n"))
  }

  @Test func devNullIsWrittenThroughWithNoBatchFileBesideIt() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let run = try train(["--history", "/dev/null", "--save", "/dev/null"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(kind("/dev/null") == S_IFCHR)
    #expect(!FileManager.default.fileExists(atPath: "/dev/null-batches.csv"))
  }

  @Test func devFullIsExit74NamingTheReason() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let run = try train(["--history", "/dev/full"], in: directory)
    #expect(run.status == 74)
    #expect(run.stderr.hasSuffix("ewa: cannot write /dev/full: No space left on device\n"))
    #expect(kind("/dev/full") == S_IFCHR)
  }

  @Test func aFIFOIsWrittenThroughToItsReader() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let fifo = directory.appendingPathComponent("history.csv").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let received = LockedText()
    let reader = Thread {
      received.set(
        String(
          decoding: FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data(),
          as: UTF8.self))
    }
    reader.start()
    let run = try train(["--history", "history.csv"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    while !received.isSet { usleep(1000) }
    #expect(received.value.hasPrefix("epoch,"))
    #expect(received.value.split(separator: "\n").count == 4)
    #expect(kind(fifo) == S_IFIFO)
    #expect(EWABinary.names(in: directory) == ["history.csv"])
  }

  @Test func aDirectoryIsRefusedAsAnOutput() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
    let run = try train(["--save", "out"], in: directory)
    #expect(run.status == 74)
    #expect(run.stderr.hasSuffix("ewa: cannot write out: it is a directory, not a file\n"))
  }

  @Test func aPrivateFileKeepsItsModeAndOwner() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let path = directory.appendingPathComponent("h.csv").path
    try "old\n".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(chmod(path, 0o600) == 0)
    let owned = geteuid() == 0 && chown(path, 4321, 8765) == 0
    let run = try train(["--history", "h.csv"], in: directory)
    #expect(run.status == 0, "\(run.stderr)")
    let info = mode(path)
    #expect(info.st_mode & 0o7777 == 0o600)
    if owned {
      #expect(info.st_uid == 4321 && info.st_gid == 8765)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("epoch,"))
  }

  @Test func aReadOnlyFileIsRefusedAndLeftAlone() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let path = directory.appendingPathComponent("model.json").path
    try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
    #expect(chmod(path, 0o444) == 0)
    let run = try train(["--save", "model.json"], in: directory)
    #expect(run.status == 74)
    #expect(run.stderr.hasSuffix("the file is read-only (mode 0444); it was left unchanged\n"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    #expect(EWABinary.names(in: directory) == ["model.json"])
  }

  @Test func aPlotImageGoesThroughTheSameWriter() throws {
    guard EWABinary.gnuplotIsAvailable else { return }
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let image = directory.appendingPathComponent("s.png").path
    try "old".write(toFile: image, atomically: true, encoding: .utf8)
    #expect(chmod(image, 0o444) == 0)
    let refused = try EWABinary.run(
      ["plot", "schedule", "--epochs", "10", "-o", "s.png"], in: directory)
    #expect(refused.status == 74)
    #expect(try String(contentsOfFile: image, encoding: .utf8) == "old")
    #expect(chmod(image, 0o640) == 0)
    let drawn = try EWABinary.run(
      ["plot", "schedule", "--epochs", "10", "-o", "s.png"], in: directory)
    #expect(drawn.status == 0, "\(drawn.stderr)")
    #expect(mode(image).st_mode & 0o7777 == 0o640)
    #expect(EWABinary.names(in: directory) == ["s.png"])
  }

  /// SIGTERM while a large state file is being written: the temporary file is removed and the
  /// old state kept. The test waits until the temporary file exists, then sends the signal.
  @Test func sigtermMidWriteLeavesNoTemporaryFile() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    var rows = "g,x\n"
    for i in 0..<60_000 { rows += "\(i),\(i % 7)\n" }
    try rows.write(
      to: directory.appendingPathComponent("groups.csv"), atomically: true, encoding: .utf8)
    var caught = 0
    for _ in 0..<6 where caught == 0 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: EWABinary.path)
      process.arguments = [
        "smooth", "groups.csv", "--group-by", "g", "--column", "x", "--beta", "0.5", "--state",
        "state.json",
      ]
      process.currentDirectoryURL = directory
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      while process.isRunning {
        if EWABinary.names(in: directory).contains(where: { $0.hasSuffix(".tmp") }) {
          kill(process.processIdentifier, SIGTERM)
          break
        }
        usleep(100)
      }
      process.waitUntilExit()
      // A run that renamed its file just before the signal came ended normally: try again.
      if process.terminationReason == .uncaughtSignal {
        #expect(process.terminationStatus == SIGTERM)
        #expect(
          !FileManager.default.fileExists(
            atPath: directory.appendingPathComponent("state.json").path))
        caught += 1
      }
      #expect(!EWABinary.names(in: directory).contains { $0.hasSuffix(".tmp") })
      try? FileManager.default.removeItem(at: directory.appendingPathComponent("state.json"))
    }
    #expect(caught == 1, "the temporary state file was never seen; the run ended first")
    // The lock file beside the state stays (it is never renamed, so a lock on it is never lost).
    #expect(EWABinary.names(in: directory) == ["groups.csv", "state.json.lock"])
  }
}

/// Text handed from one thread to another.
final class LockedText: @unchecked Sendable {
  private let lock = NSLock()
  private var text: String?
  func set(_ value: String) { lock.withLock { text = value } }
  var isSet: Bool { lock.withLock { text != nil } }
  var value: String { lock.withLock { text ?? "" } }
}
