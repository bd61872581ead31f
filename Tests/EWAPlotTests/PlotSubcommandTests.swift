import EWATestSupport
import Foundation
import Testing

/// `ewa plot smooth` against `ewa smooth`, and `ewa plot history/trajectory/boundary/schedule`
/// end to end on what the training commands write.
@Suite struct PlotSubcommandTests {
  /// The numbers of datablock `name` in `script`, column `column` (from 0) of each row.
  func block(_ name: String, in script: String, column: Int = 1) throws -> [Double] {
    let start = try #require(script.range(of: "$\(name) << EOD\n"))
    let end = try #require(script.range(of: "EOD\n", range: start.upperBound..<script.endIndex))
    return script[start.upperBound..<end.lowerBound].split(separator: "\n").map {
      Double($0.split(separator: " ")[column]) ?? .nan
    }
  }

  func read(_ name: String, in directory: URL) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
  }

  @Test func plotSmoothDrawsExactlyWhatSmoothPrints() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let options = ["--column", "temp_max", "--time", "date", "--halflife", "4d,30d"]
    let smoothed = try EWABinary.run(["smooth", EWABinary.seattle] + options, in: directory)
    #expect(smoothed.status == 0)
    let rows = smoothed.text.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let plotted = try EWABinary.run(
      ["plot", "smooth", EWABinary.seattle] + options + ["-o", "file.gp"], in: directory)
    #expect(plotted.status == 0)
    let script = try read("file.gp", in: directory)
    for (d, name) in ["ewa_1", "ewa_2"].enumerated() {
      let curve = try block(name, in: script)
      let expected = rows.map { Double($0[6 + d]) ?? .nan }
      #expect(curve.count == 1461 && expected.count == 1461)
      #expect(zip(curve, expected).allSatisfy { $0.bitPattern == $1.bitPattern })
    }
    #expect(script.contains("title 'half-life 4d'"))
    // The same from a pipe, with or without "-": only the comment naming the input differs.
    let log = try String(contentsOfFile: EWABinary.seattle, encoding: .utf8)
    for arguments in [["-"], []] {
      let piped = try EWABinary.run(
        ["plot", "smooth"] + arguments + options + ["-o", "pipe.gp"], in: directory, input: log)
      #expect(piped.status == 0)
      let pipedScript = try read("pipe.gp", in: directory)
      #expect(pipedScript.contains("# ewa plot smooth: column 'temp_max' of 'standard input'\n"))
      let sameLines =
        pipedScript.replacingOccurrences(of: "pipe.png", with: "file.png")
        .split(separator: "\n").dropFirst() == script.split(separator: "\n").dropFirst()
      #expect(sameLines, "the piped script differs beyond its comment")
    }
  }

  @Test func historyDrawsEveryRunOfACompareFile() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let trained = try EWABinary.run(
      [
        "compare", "--optimizers", "gd,adam", "--samples", "40", "--batch-size", "20",
        "--epochs", "2", "--seed", "3", "--history", "c.csv",
      ], in: directory)
    #expect(trained.status == 0)
    let result = try EWABinary.run(["plot", "history", "c.csv", "-o", "h.gp"], in: directory)
    #expect(result.status == 0)
    let script = try read("h.gp", in: directory)
    // Two epochs of two mini-batches: the epochs end at steps 2 and 4.
    #expect(try block("gd_epochs", in: script, column: 0) == [2, 4])
    #expect(try block("adam_batches", in: script, column: 0) == [1, 2, 3, 4])
    #expect(script.contains("title 'adam, mini-batch EWA β = 0.98'"))
  }

  /// The script of gd and adam for 3 steps on the bowl from (-4, 1) at `--lr rates`.
  func bowlScript(rates: String) throws -> String {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      [
        "plot", "trajectory", "--function", "bowl", "--optimizers", "gd,adam", "--start=-4,1",
        "--steps", "3", "--lr", rates, "-o", "t.gp",
      ], in: directory)
    #expect(result.status == 0)
    return try read("t.gp", in: directory)
  }

  @Test func trajectoryDrawsEachOptimizerFromTheStart() throws {
    let script = try bowlScript(rates: "0.5")
    // gd on x²/20 + y²: x - 0.5·x/10 = -3.8, y - 0.5·2y = 0.
    #expect(try block("gd", in: script, column: 0).prefix(2) == [-4, -4 + 0.5 * 0.4])
    #expect(try block("gd", in: script).prefix(2) == [1, 0])
    #expect(try block("adam", in: script, column: 0).count == 4)
    #expect(script.contains("set title 'bowl: f(x, y) = x²/20 + y²: 3 steps at α = 0.5'"))
    #expect(script.contains("set table $contours"))
  }

  @Test func trajectoryTakesOneRatePerOptimizerAndNamesItInTheLegend() throws {
    let script = try bowlScript(rates: "0.5,0.1")
    // gd at 0.5 as above; adam's first step is -α·g/(|g| + ε) per coordinate, g = (-0.4, 2).
    #expect(try block("gd", in: script, column: 0).prefix(2) == [-4, -3.8])
    let adamX = try block("adam", in: script, column: 0)
    let adamY = try block("adam", in: script)
    #expect(abs(adamX[1] - (-4 + 0.1 * 0.4 / (0.4 + 1e-8))) < 1e-12)
    #expect(abs(adamY[1] - (1 - 0.1 * 2 / (2 + 1e-8))) < 1e-12)
    #expect(script.contains("title 'gd, α = 0.5'"))
    #expect(script.contains("title 'adam, α = 0.1'"))
    #expect(
      script.contains("set title 'bowl: f(x, y) = x²/20 + y²: 3 steps, α as in the legend'"))
  }

  @Test func boundaryDrawsASavedModelOverItsData() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let data = ["--samples", "40", "--seed", "3"]
    let trained = try EWABinary.run(
      ["train", "--epochs", "3", "--batch-size", "20", "--save", "m.json"] + data, in: directory)
    #expect(trained.status == 0)
    let result = try EWABinary.run(
      ["plot", "boundary", "m.json", "-o", "b.gp"] + data, in: directory)
    #expect(result.status == 0)
    let script = try read("b.gp", in: directory)
    #expect(try block("regions", in: script, column: 2).count == 200 * 200)
    #expect(try block("class_0", in: script).count + block("class_1", in: script).count == 40)
    #expect(script.contains("title 'class 0'"))
    let noGnuplot = try EWABinary.run(
      ["plot", "boundary", "m.json", "-o", "b.png"] + data, in: directory, path: "/nonexistent")
    #expect(noGnuplot.status == 69)
    // The fallback script never replaces the b.gp written above.
    #expect(noGnuplot.stderr.contains("the script was not written either, because b.gp already"))
    try FileManager.default.removeItem(at: directory.appendingPathComponent("b.gp"))
    let written = try EWABinary.run(
      ["plot", "boundary", "m.json", "-o", "b.png"] + data, in: directory, path: "/nonexistent")
    #expect(written.status == 69)
    #expect(written.stderr.contains("wrote the script to b.gp"))
    // A dataset the model was not made for, a missing and a corrupt model.
    let spiral = try EWABinary.run(
      ["plot", "boundary", "m.json", "--dataset", "spiral", "-o", "s.gp"], in: directory)
    #expect(spiral.status == 64)
    #expect(spiral.stderr.contains("the dataset has 2 features and 3 classes"))
    let missing = try EWABinary.run(["plot", "boundary", "no.json", "-o", "s.gp"], in: directory)
    #expect(missing.status == 66)
    #expect(missing.stderr == "ewa: cannot read checkpoint no.json.\n")
    try "{}".write(
      to: directory.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
    let corrupt = try EWABinary.run(["plot", "boundary", "bad.json", "-o", "s.gp"], in: directory)
    #expect(corrupt.status == 65)
    #expect(corrupt.stderr.contains("checkpoint bad.json is corrupt"))
  }

  @Test func scheduleSamplesEachEpoch() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      [
        "plot", "schedule", "--decay", "staircase,exponential", "--epochs", "4", "--lr", "0.1",
        "--decay-interval", "2", "-o", "s.gp",
      ], in: directory)
    #expect(result.status == 0)
    let script = try read("s.gp", in: directory)
    // Staircase α0 / (1 + ⌊(e-1)/2⌋) for epochs 1 to 4, exponential α0 · 0.95^(e-1).
    #expect(script.contains("EOD\n1 0.1\n2 0.1\n3 0.05\n4 0.05\nEOD\n"))
    #expect(script.contains("title 'staircase, r = 1, T = 2'"))
    #expect(script.contains("3 \(0.1 * 0.95 * 0.95)\n"))
  }

  @Test(arguments: [
    ["trajectory", "--function", "bowl"],
    ["schedule"],
    ["smooth", EWABinary.seattle, "--column", "temp_max"],
  ])
  func missingGnuplotWritesTheScriptAndExits69(arguments: [String]) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["plot"] + arguments + ["-o", "x.png"], in: directory, path: "/nonexistent")
    #expect(result.status == 69)
    #expect(result.stderr.hasPrefix("ewa: gnuplot is not installed"))
    #expect(result.stderr.contains("`apt-get install gnuplot-nox`"))
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.gp").path))
  }

  @Test(arguments: [
    (["trajectory", "--function", "bowl", "--optimizers", "gd,foo"], "\"foo\" is not one of"),
    (["trajectory", "--function", "cone"], "cone"),
    (["trajectory", "--function", "bowl", "--start", "1"], "--start must be two numbers"),
    (["trajectory", "--function", "bowl", "--optimizers", "gd", "--beta1", "0.8"], "adam"),
    (
      ["trajectory", "--function", "bowl", "--optimizers", "gd,adam", "--lr", "0.1,0.2,0.3"],
      "--lr gives 3 rates for 2 optimizers (gd, adam); give one rate for all or one per optimizer"
    ),
    (["trajectory", "--function", "bowl", "--lr", "0.1,x"], "'--lr <lr>': expected a number"),
    (["trajectory", "--function", "bowl", "--optimizers", "gd,adam", "--lr", "0.1,0"], "positive"),
    (["schedule", "--decay", "staircase,bogus"], "\"bogus\" is not one of"),
    (["schedule", "--decay", "manual"], "--manual-rates"),
    (["schedule", "--decay", "staircase", "--decay-rate=-1"], "grows without bound"),
    (["schedule", "--epochs", "0"], "--epochs must be at least 1"),
    (["boundary", "m.json", "--dataset", "x.csv"], "needs --label"),
    (["history"], "history file"),
  ])
  func badOptionsExit64(arguments: [String], message: String) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(["plot"] + arguments + ["-o", "x.gp"], in: directory)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message))
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.gp").path))
  }

  @Test func badHistoryFilesNameTheirProblem() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    try "a,b\n1,2\n".write(
      to: directory.appendingPathComponent("other.csv"), atomically: true, encoding: .utf8)
    let other = try EWABinary.run(["plot", "history", "other.csv", "-o", "x.gp"], in: directory)
    #expect(other.status == 65)
    #expect(other.stderr.contains("other.csv is not a training history"))
    try "epoch,step,cost\n1,5,0.5\n2,10,oops\n".write(
      to: directory.appendingPathComponent("run.csv"), atomically: true, encoding: .utf8)
    let bad = try EWABinary.run(["plot", "history", "run.csv", "-o", "x.gp"], in: directory)
    #expect(bad.status == 65)
    #expect(bad.stderr == "ewa: run.csv, line 3, column \"cost\": \"oops\" is not a number\n")
  }
}
