import EWAIO
import EWASmooth
import EWATestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Two runs with the same `--state` never both read the old state: the second waits for the
/// first's lock, then either reads the first's result or fails with 75, so no update is lost.
@Suite(.serialized) struct StateLockTests {
  /// A first run that holds the lock while it waits for its standard input.
  final class HoldingRun {
    let process = Process()
    let input = Pipe()
    let output = Pipe()

    init(state: String) throws {
      process.executableURL = ewaBinary
      process.arguments = ["smooth", "--beta", "0.5", "--state", state]
      process.standardInput = input
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      // Wait until it holds the lock: our own attempt fails.
      let lockPath = StateLock.lockPath(for: state)
      for _ in 0..<400 {
        let descriptor = open(lockPath, O_RDWR)
        if descriptor >= 0 {
          defer { close(descriptor) }
          if flock(descriptor, LOCK_EX | LOCK_NB) != 0 { return }
          flock(descriptor, LOCK_UN)
        }
        usleep(10_000)
      }
      Issue.record("the first run never took the lock")
    }

    /// Feeds the rest of the input and waits for the run to end.
    func finish(_ text: String) -> Int32 {
      input.fileHandleForWriting.write(Data(text.utf8))
      try? input.fileHandleForWriting.close()
      _ = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return process.terminationStatus
    }
  }

  func observations(_ state: String) throws -> Int {
    try #require(try SmoothState.load(path: state)).groups[0].state.columns[0].observations
  }

  @Test func aSecondRunGivesUpWith75WhileTheFirstHoldsTheLock() throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let state = directory.appendingPathComponent("s.json").path
    let first = try HoldingRun(state: state)
    let started = Date()
    let second = try ewa(["smooth", "--beta", "0.5", "--state", state], stdin: "x\n5\n")
    let waited = Date().timeIntervalSince(started)
    #expect(second.status == 75, "\(second.stderr)")
    #expect(second.stdout.isEmpty)
    #expect(second.stderr.hasPrefix("ewa: state file \(state) is in use by another ewa run"))
    #expect(second.stderr.filter { $0 == "\n" }.count == 1)
    #expect(waited >= 4 && waited < 30, "waited \(waited) s")
    #expect(first.finish("x\n1\n2\n") == 0)
    #expect(try observations(state) == 2)
  }

  @Test func aSecondRunThatWaitsReadsTheFirstRunsResult() throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let state = directory.appendingPathComponent("s.json").path
    let first = try HoldingRun(state: state)
    let second = Process()
    second.executableURL = ewaBinary
    second.arguments = ["smooth", "--beta", "0.5", "--state", state]
    let input = Pipe()
    second.standardInput = input
    second.standardOutput = FileHandle.nullDevice
    second.standardError = FileHandle.nullDevice
    try second.run()
    input.fileHandleForWriting.write(Data("x\n3\n".utf8))
    try input.fileHandleForWriting.close()
    usleep(500_000)
    #expect(second.isRunning, "the second run did not wait for the lock")
    #expect(first.finish("x\n1\n2\n") == 0)
    second.waitUntilExit()
    #expect(second.terminationStatus == 0)
    // Both updates are in the state: 2 rows from the first run, then 1 from the second.
    #expect(try observations(state) == 3)
  }

  @Test func manyConcurrentRunsLoseNoUpdate() throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let state = directory.appendingPathComponent("s.json").path
    let runs = (0..<6).map { _ in
      let process = Process()
      process.executableURL = ewaBinary
      process.arguments = ["smooth", "--beta", "0.5", "--state", state]
      let input = Pipe()
      process.standardInput = input
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return (process, input)
    }
    for (process, input) in runs {
      try process.run()
      input.fileHandleForWriting.write(Data("x\n1\n".utf8))
      try input.fileHandleForWriting.close()
    }
    for (process, _) in runs {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    #expect(try observations(state) == 6)
  }
}
