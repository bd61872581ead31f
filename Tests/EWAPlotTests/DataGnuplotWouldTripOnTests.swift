import EWATestSupport
import Foundation
import Testing

/// Issue 8, class 6 (gnuplot side): data gnuplot would trip on is refused by ewa before gnuplot
/// runs, with 65 and one sentence; a bad `--size` states the valid range (64); a gnuplot that
/// fails or is killed is named as such (70), its message escaped on one line.
@Suite struct DataGnuplotWouldTripOnTests {
  func expectOneLine(
    _ result: EWABinary.Result, status: Int32, containing message: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("ewa: "), sourceLocation: sourceLocation)
    #expect(result.stderr.filter { $0 == "\n" }.count == 1, sourceLocation: sourceLocation)
  }

  @Test(arguments: [
    "v\nNA\nnull\n", "v\nNA\n\nnull\n", "t,v\n1,\n2,NaN\n", "t,v\n,1\n,2\n",
  ])
  func noFiniteValueIs65(input: String) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let column = input.hasPrefix("t,") ? ["--column", "v", "--time", "t"] : ["--column", "v"]
    for output in [["-o", "x.gp"], ["-o", "x.png"], ["--terminal", "dumb"]] {
      let result = try EWABinary.run(
        ["plot", "smooth"] + column + output, in: directory, input: input)
      expectOneLine(result, status: 65, containing: "nothing to draw")
      #expect(result.stderr.contains("is missing, infinite or not a number"))
      #expect(result.text.isEmpty)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
  }

  @Test func aOneColumnFileWithBlankLinesIsDrawnRowByRow() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["plot", "smooth", "--column", "v", "-o", "x.gp"], in: directory, input: "v\n1\n\n3\n")
    #expect(result.status == 0)
    let script = try String(
      contentsOf: directory.appendingPathComponent("x.gp"), encoding: .utf8)
    #expect(script.contains("$raw << EOD\n1 1\n2 NaN\n3 3\nEOD\n"))
  }

  @Test func logScaleWithValuesAtOrBelowZeroIs65NamingSeriesAndSmallest() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let smooth = try EWABinary.run(
      ["plot", "smooth", "--column", "v", "--logscale", "y", "-o", "x.png"], in: directory,
      input: "v\n2\n-3\n0.5\n")
    expectOneLine(
      smooth, status: 65,
      containing: "logarithmic y axis: \"v\" has values ≤ 0 (the smallest is -3)")
    let zero = try EWABinary.run(
      ["plot", "smooth", "--column", "v", "--logscale", "xy", "--terminal", "dumb"],
      in: directory, input: "v\n2\n0\n")
    expectOneLine(zero, status: 65, containing: "has values ≤ 0 (the smallest is 0)")
    try "epoch,step,cost\n1,2,0.5\n2,4,-0.25\n".write(
      to: directory.appendingPathComponent("run.csv"), atomically: true, encoding: .utf8)
    let history = try EWABinary.run(
      ["plot", "history", "run.csv", "--logscale", "y", "-o", "h.gp"], in: directory)
    expectOneLine(history, status: 65, containing: "\"run, epoch\" has values ≤ 0")
    // Dates have no logarithmic scale.
    let dates = try EWABinary.run(
      ["plot", "smooth", "--column", "v", "--time", "t", "--logscale", "x", "-o", "d.gp"],
      in: directory, input: "t,v\n2024-01-01,1\n2024-01-02,2\n")
    expectOneLine(dates, status: 65, containing: "its x values are dates")
    // Coordinates that cross zero are not offered a logarithmic scale at all.
    for command in [
      ["plot", "trajectory", "--function", "bowl"], ["plot", "boundary", "m.json"],
    ] {
      let refused = try EWABinary.run(command + ["--logscale", "x", "-o", "t.gp"], in: directory)
      #expect(refused.status == 64)
      #expect(refused.stderr.contains("Unknown option '--logscale'"))
    }
    // Positive data on a log scale is drawn.
    let fine = try EWABinary.run(
      ["plot", "smooth", "--column", "v", "--logscale", "y", "-o", "ok.gp"], in: directory,
      input: "v\n2\n3\n0.5\n")
    #expect(fine.status == 0)
    let made = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(made == ["ok.gp", "run.csv"])
  }

  @Test func historiesWithNothingToDrawAre65() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let files = [
      ("header.csv", "epoch,step,cost\n", "header.csv has a header but no rows"),
      ("missing.csv", "epoch,step,cost\n1,2,NaN\n2,4,\n", "no row has a cost"),
      ("compared.csv", "epoch,gd_lr,gd_cost\n", "compared.csv has a header but no rows"),
    ]
    for (name, text, message) in files {
      try text.write(
        to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
      let result = try EWABinary.run(["plot", "history", name, "-o", "h.png"], in: directory)
      expectOneLine(result, status: 65, containing: message)
    }
    #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("h.png").path))
  }

  @Test(arguments: [
    (
      ["-o", "x.png", "--size", "0,5"], "is not an image size: give W,H with each from 100 to 10000"
    ),
    (["-o", "x.png", "--size", "20000,20000"], "from 100 to 10000 pixels"),
    (["-o", "x.gp", "--size", "99,700"], "from 100 to 10000 pixels"),
    (["-o", "x.pdf", "--size", "abc"], "--size \"abc\" is not an image size"),
    (["--terminal", "dumb", "--size", "5,5"], "W from 10 to 1000 columns and H from 5 to 1000"),
    (["--terminal", "dumb", "--size", "2000,30"], "is not a dumb-terminal size"),
    (["-o", "x.gp", "--terminal", "dumb", "--size", "80,-1"], "is not a dumb-terminal size"),
  ])
  func badSizeStatesTheRange(arguments: [String], message: String) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let result = try EWABinary.run(
      ["plot", "smooth", "--column", "v"] + arguments, in: directory, input: "v\n1\n2\n")
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
  }

  /// A directory holding a fake `gnuplot` that runs `body`.
  static func fakeGnuplot(_ body: String) throws -> URL {
    let bin = try EWABinary.temporaryDirectory()
    let file = bin.appendingPathComponent("gnuplot")
    try "#!/bin/sh\n\(body)\n".write(to: file, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
    return bin
  }

  @Test(arguments: [
    ("kill -KILL $$", "gnuplot was killed by signal 9 (SIGKILL) while drawing"),
    ("kill -SEGV $$", "gnuplot was killed by signal 11 (SIGSEGV) while drawing"),
  ])
  func aKilledGnuplotIsNamedAsSuch(body: String, message: String) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let bin = try Self.fakeGnuplot(body)
    for output in [["-o", "x.png"], ["--terminal", "dumb"]] {
      let result = try EWABinary.run(
        ["plot", "schedule", "--epochs", "5"] + output, in: directory,
        path: bin.path + ":/usr/bin:/bin")
      expectOneLine(result, status: 70, containing: message)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
  }

  @Test func aFailingGnuplotsLastMessageIsEscapedOnOneLine() throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let bin = try Self.fakeGnuplot(
      "printf 'first line\\n\\n  \"x.gp\" line 3: bad \\033[31mred\\n\\n' >&2; exit 1")
    let result = try EWABinary.run(
      ["plot", "schedule", "--epochs", "5", "-o", "x.png"], in: directory,
      path: bin.path + ":/usr/bin:/bin")
    expectOneLine(
      result, status: 70,
      containing:
        #"gnuplot failed (exit status 1) drawing x.png: "  \"x.gp\" line 3: bad \u{1B}[31mred""#)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
  }
}
