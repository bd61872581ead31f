import EWATestSupport
import Foundation
import Testing

/// `ewa plot` run end to end: options, input errors, the script-only output, and the path where
/// gnuplot is missing or fails.
@Suite struct PlotCommandTests {
  let history = "epoch,step,lr,cost,train_accuracy\n1,3,0.1,0.8,0.5\n2,6,0.1,0.5,0.7\n"
  let batches = "step,epoch,cost\n1,1,0.9\n2,1,0.8\n3,1,0.7\n4,2,0.6\n5,2,0.5\n6,2,0.4\n"

  @Test func scriptOnlyOutputNeedsNoGnuplot() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["plot", "smooth", "--column", "v", "--beta", "0.5", "--title", "T", "-o", "s.gp"],
      in: directory, input: "t,v\n1,10\n2,10\n3,NA\n", path: "/nonexistent")
    #expect(result.status == 0)
    #expect(result.stderr == "")
    let script = try String(contentsOf: directory.appendingPathComponent("s.gp"), encoding: .utf8)
    #expect(script.contains("set output 's.png'\n"))
    #expect(script.contains("set title 'T' noenhanced\n"))
    // Rows 1 to 3; the missing value is NaN in the raw points and in the average, which
    // `ewa smooth` leaves empty there.
    #expect(script.contains("$raw << EOD\n1 10\n2 10\n3 NaN\nEOD\n"))
    #expect(script.contains("$ewa_1 << EOD\n1 10\n2 10\n3 NaN\nEOD\n"))
  }

  @Test func commonOptionsReachTheScript() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    try history.write(
      to: directory.appendingPathComponent("gd.csv"), atomically: true, encoding: .utf8)
    let result = try EWABinary.run(
      [
        "plot", "history", "gd.csv", "--logscale", "y", "--size", "800,600", "--terminal", "pdf",
        "-o", "h.gp",
      ],
      in: directory)
    #expect(result.status == 0)
    let script = try String(contentsOf: directory.appendingPathComponent("h.gp"), encoding: .utf8)
    #expect(script.contains("set terminal pdfcairo size 8in,6in noenhanced"))
    #expect(script.contains("set output 'h.pdf'\n"))
    #expect(script.contains("set logscale y\n"))
    #expect(!script.contains("set logscale x"))
    #expect(!script.contains("set title"))
  }

  @Test func missingGnuplotWritesTheScriptAndExits69() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
    let result = try EWABinary.run(
      [
        "plot", "smooth", EWABinary.seattle, "--column", "temp_max", "--time", "date",
        "--output", "out/temp.png",
      ],
      in: directory, path: "/nonexistent")
    #expect(result.status == 69)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("ewa: gnuplot is not installed"))
    #expect(result.stderr.contains("wrote the script to out/temp.gp"))
    #expect(result.stderr.contains("`apt-get install gnuplot-nox`"))
    #expect(result.stderr.contains("`brew install gnuplot`"))
    #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    let script = try String(
      contentsOf: directory.appendingPathComponent("out/temp.gp"), encoding: .utf8)
    #expect(script.contains("set output 'temp.png'\n"))
    #expect(script.contains("set xdata time\n"))
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("out/temp.png").path)
    )
  }

  @Test func missingGnuplotInDumbModeWritesTheScriptInTheCurrentDirectory() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    try history.write(
      to: directory.appendingPathComponent("gd.csv"), atomically: true, encoding: .utf8)
    let result = try EWABinary.run(
      ["plot", "history", "gd.csv", "--terminal", "dumb"], in: directory, path: "/nonexistent")
    #expect(result.status == 69)
    #expect(result.stderr.contains("wrote the script to history.gp"))
    let script = try String(
      contentsOf: directory.appendingPathComponent("history.gp"), encoding: .utf8)
    #expect(script.contains("set terminal dumb size 100,30 noenhanced\n"))
  }

  @Test func failingGnuplotShowsItsMessages() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let bin = directory.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let fake = bin.appendingPathComponent("gnuplot")
    try "#!/bin/sh\ncat >/dev/null\necho 'line 7: unknown terminal' >&2\nexit 1\n"
      .write(to: fake, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
    let result = try EWABinary.run(
      ["plot", "smooth", "--column", "v", "-o", "x.png"], in: directory, input: "v\n1\n2\n",
      path: bin.path + ":/usr/bin:/bin")
    #expect(result.status == 70)
    #expect(result.stderr.contains("ewa: gnuplot failed (exit status 1) drawing x.png"))
    #expect(result.stderr.contains("line 7: unknown terminal"))
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(left.sorted() == ["bin"])
  }

  @Test func historyReadsTheMiniBatchFileBesideTheRun() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    try history.write(
      to: directory.appendingPathComponent("adam.csv"), atomically: true, encoding: .utf8)
    try batches.write(
      to: directory.appendingPathComponent("adam-batches.csv"), atomically: true, encoding: .utf8)
    let result = try EWABinary.run(
      ["plot", "history", "adam.csv", "--beta", "0.5", "-o", "h.gp"], in: directory)
    #expect(result.status == 0)
    let script = try String(contentsOf: directory.appendingPathComponent("h.gp"), encoding: .utf8)
    #expect(script.contains("$adam_epochs << EOD\n3 0.8\n6 0.5\nEOD\n"))
    #expect(script.contains("$adam_batches << EOD\n1 0.9\n2 0.8\n"))
    // Corrected EWA with β = 0.5: 0.9, then (0.5·0.9 + 0.8) / 1.5.
    #expect(script.contains("$adam_smoothed << EOD\n1 0.9\n2 \((0.5 * 0.9 + 0.8) / 1.5)\n"))
    #expect(script.contains("title 'adam, mini-batch EWA β = 0.5'"))
  }

  @Test(arguments: [
    (["plot", "smooth", "--column", "v"], "--output FILE.png"),
    (["plot", "smooth", "--column", "v", "-o", "x.jpg"], "must end in .png, .svg, .pdf or .gp"),
    (["plot", "smooth", "--column", "v", "-o", "x.png", "--terminal", "svg"], "conflicts"),
    (["plot", "smooth", "--column", "v", "-o", "x.gp", "--beta", "1"], "--beta 1: beta must be"),
    (["plot", "smooth", "--column", "v", "-o", "x.gp", "--size", "0,5"], "--size"),
    (
      ["plot", "smooth", "--column", "v", "-o", "x.gp", "--init", "zero", "--compare-init"],
      "--compare-init"
    ),
  ])
  func badOptionsExit64(arguments: [String], message: String) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(arguments, in: directory, input: "v\n1\n")
    #expect(result.status == 64)
    #expect(result.stderr.contains(message))
  }

  @Test(arguments: [
    (
      "v\n1\nabc\n", ["--column", "v"], 65,
      "standard input, line 3, column \"v\": \"abc\" is not a number"
    ),
    ("v\n1\n", ["--column", "w"], 64, "no column named \"w\"; the columns are: \"v\""),
    (
      "d,v\n2012/01/01,1\n2012-13-01,2\n", ["--column", "v", "--time", "d"], 65,
      "standard input, line 3, column \"d\": \"2012-13-01\" is not a timestamp"
    ),
    (
      "v,w\n1,2\n3\n", ["--column", "v"], 65,
      "standard input, line 3: expected 2 fields like the first line, found 1"
    ),
    ("v\n\"1\n", ["--column", "v"], 65, "line 2: a quoted field is not closed"),
  ])
  func badDataIsOneLineNamingWhere(input: String, options: [String], status: Int32, message: String)
    throws
  {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["plot", "smooth"] + options + ["-o", "x.gp"], in: directory, input: input)
    #expect(result.status == status)
    #expect(result.stderr.contains(message))
    #expect(result.stderr.hasPrefix("ewa: ") && result.stderr.filter { $0 == "\n" }.count == 1)
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.gp").path))
  }

  @Test func missingInputFileExits66() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(["plot", "history", "nope.csv", "-o", "x.gp"], in: directory)
    #expect(result.status == 66)
    #expect(result.stderr == "ewa: cannot open nope.csv: No such file or directory\n")
  }

  @Test func datesAreSecondsSince1970() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["plot", "smooth", "--column", "v", "--time", "t", "-o", "x.gp"], in: directory,
      input: "t,v\n1970-01-02,1\n2000-03-01T12:30:15Z,2\n2016/02/29 00:00,3\n")
    #expect(result.status == 0)
    let script = try String(contentsOf: directory.appendingPathComponent("x.gp"), encoding: .utf8)
    // 1 day; 2000-03-01 is day 11017; 2016-02-29 is day 16860.
    #expect(
      script.contains("$raw << EOD\n86400 1\n\(11017 * 86400 + 45015) 2\n\(16860 * 86400) 3\nEOD"))
  }
}
