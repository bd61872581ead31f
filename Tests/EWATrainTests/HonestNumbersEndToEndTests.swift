import EWATestSupport
import Foundation
import Testing

/// `ewa trajectory` streams and stops at the first non-finite point; a diverging `train` or
/// `compare` stops with 65 and keeps its history; labels that read as one number are one class;
/// the default batch size shrinks to a small training set with a note.
@Suite struct HonestNumbersEndToEndTests {
  @Test func aHundredMillionStepTrajectoryPrintsAtOnceAndEndsWithItsReader() throws {
    let process = Process()
    process.executableURL = PackagePaths.ewa
    process.arguments = [
      "trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--start", "-1,1",
      "--steps", "100000000",
    ]
    let (output, error) = (Pipe(), Pipe())
    process.standardOutput = output
    process.standardError = error
    try process.run()
    var text = Data()
    while text.filter({ $0 == UInt8(ascii: "\n") }).count < 3 {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      text += chunk
    }
    try output.fileHandleForReading.close()
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    let finished = !process.isRunning
    if !finished { process.terminate() }
    #expect(finished, "ewa trajectory kept running after its reader went away")
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    #expect(error.fileHandleForReading.readDataToEndOfFile().isEmpty)
    #expect(String(decoding: text, as: UTF8.self).hasPrefix("step,x,y,loss\n0,-1,1,4\n1,"))
  }

  @Test func aTrajectoryStopsAtItsFirstNonFinitePointNamingTheStep() throws {
    let run = try #require(
      try ewaBounded([
        "trajectory", "--function", "saddle", "--optimizer", "gd", "--start", "0,1", "--lr", "1",
        "--steps", "100000",
      ]))
    #expect(run.status == 65)
    #expect(
      run.stderr.hasPrefix("ewa: the path is not finite at step 324 (x = 0, y = ")
        && run.stderr.hasSuffix("try a smaller learning rate (--lr, now 1).\n"))
    let rows = run.stdout.split(separator: "\n")
    #expect(rows.count == 1 + 324)
    #expect(!run.stdout.contains("inf") && !run.stdout.contains("nan"))
    // What was printed is readable by ewa smooth.
    let smoothed = try #require(try ewaBounded(["smooth", "--column", "loss"], stdin: run.stdout))
    #expect(smoothed.status == 0, "\(smoothed.stderr)")
  }

  @Test func aDivergingTrainingStopsWith65AndKeepsItsHistory() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("ewa-diverge-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { TemporaryFolder.remove(directory) }
    let history = directory.appendingPathComponent("h.csv").path
    let run = try #require(
      try ewaBounded(["train", "--lr", "1e6", "--epochs", "30", "--history", history]))
    #expect(run.status == 65)
    #expect(
      messageLines(run.stderr) == [
        "ewa: training diverged at epoch 1: the mean cost rose to 1.77678e+14 from 0.797953 at the start, more than 100 times over; try a smaller learning rate (--lr, now 1000000.0)."
      ])
    let rows = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
    #expect(rows.count == 2 && rows[1].hasPrefix("1,5,1000000.0,"))
  }

  @Test func compareReportsTheRunThatDivergedAndFinishesTheOthers() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("ewa-diverge-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { TemporaryFolder.remove(directory) }
    let history = directory.appendingPathComponent("c.csv").path
    let run = try #require(
      try ewaBounded([
        "compare", "--lr", "100", "--optimizers", "gd,momentum,adam", "--epochs", "50",
        "--history", history,
      ]))
    #expect(run.status == 65)
    let lines = messageLines(run.stderr)
    #expect(lines.count == 1 && lines[0].hasPrefix("ewa: adam: training diverged at epoch 1: "))
    let summaries = run.stdout.split(separator: "\n")
    // The table: its header, then the two runs that finished.
    #expect(summaries.count == 3)
    #expect(summaries.dropFirst().first?.hasPrefix("gd  ") == true)
    #expect(summaries.last?.hasPrefix("momentum  ") == true)
    let rows = try String(contentsOfFile: history, encoding: .utf8).split(separator: "\n")
    #expect(rows.count == 51)
    #expect(rows[2].hasSuffix(",,,"))
  }

  @Test func labelsThatReadAsOneNumberAreOneClassAndAnEmptyOneIsRefused() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("ewa-labels-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { TemporaryFolder.remove(directory) }
    let good = directory.appendingPathComponent("good.csv").path
    var text = "a,b,y\n"
    for i in 0..<40 {
      let spelling = ["1", "1.0", " 1", "1e0"][i % 4]
      text += "\(Double(i) / 40),\(i % 2),\(i % 2 == 0 ? spelling : "0")\n"
    }
    try text.write(toFile: good, atomically: true, encoding: .utf8)
    let run = try #require(
      try ewaBounded([
        "train", "--dataset", good, "--label", "y", "--epochs", "3", "--test-fraction", "0",
        "--json",
      ]))
    #expect(run.status == 0, "\(run.stderr)")
    let bad = directory.appendingPathComponent("bad.csv").path
    try "a,y\n1,1\n2,0\n3,\n".write(toFile: bad, atomically: true, encoding: .utf8)
    let refused = try #require(try ewaBounded(["train", "--dataset", bad, "--label", "y"]))
    #expect(refused.status == 65)
    #expect(
      refused.stderr
        == "ewa: \(bad) line 4, column \"y\": the label is empty; every row needs a class.\n"
    )
  }

  @Test func theDefaultBatchShrinksToASmallTrainingSetWithANote() throws {
    let run = try #require(try ewaBounded(["train", "--samples", "40", "--epochs", "2"]))
    #expect(run.status == 0, "\(run.stderr)")
    #expect(
      run.stderr.hasPrefix(
        "ewa: note: the training set has 40 rows, fewer than the default batch size 64; each batch holds all 40.\n"
      ))
    #expect(run.stderr.contains("epoch 2/2 step 2 "))
    let explicit = try #require(
      try ewaBounded(["train", "--samples", "40", "--epochs", "2", "--batch-size", "64"]))
    #expect(explicit.status == 64)
    #expect(explicit.stderr.contains("between 1 and the 40 training rows, got 64"))
  }
}
