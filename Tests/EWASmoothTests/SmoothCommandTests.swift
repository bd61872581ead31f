import EWATestSupport
import Foundation
import Testing

/// `ewa smooth` run end to end: stdout, stderr and exit status.
@Suite struct SmoothCommandTests {
  @Test func textbookNumbers() throws {
    let zero = try ewa(["smooth", "--beta", "0.5", "--init", "zero"], stdin: "x\n10\n10\n")
    #expect(zero.stdout == "x,x_ewa_0.5\n10,5\n10,7.5\n")
    #expect(zero.status == 0 && zero.stderr.isEmpty)
    let corrected = try ewa(["smooth", "--beta", "0.5"], stdin: "x\n10\n10\n")
    #expect(corrected.stdout == "x,x_ewa_0.5\n10,10\n10,10\n")
  }

  @Test func numbersOnlyMeansNoHeader() throws {
    let run = try ewa(["smooth", "--beta", "0.5"], stdin: "1\n2\n3\n")
    // 1; (0.5·1 + 2)/1.5; (0.5·1.5·(5/3) + 3)/1.75
    #expect(run.stdout == "1,1\n2,1.6666666666666667\n3,2.4285714285714284\n")
  }

  @Test func adjustFalseGapFollowsPandasDocumentationNotPandas() throws {
    // pandas documents weights (1-α)² and α for [x0, NaN, x2] with adjust=False: (0.25·1 +
    // 0.5·3)/0.75 = 2.333…; pandas 3.1.1 prints 2.5 (pandas-dev/pandas#66523). ewa follows the
    // documentation.
    let run = try ewa(["smooth", "--com", "1", "--init", "first"], stdin: "x\n1\n\n3\n")
    #expect(run.stdout == "x,x_ewa_com1\n1,1\n,\n3,2.3333333333333335\n")
    let ignoring = try ewa(
      ["smooth", "--com", "1", "--init", "first", "--ignore-na"], stdin: "x\n1\nNA\n3\n")
    #expect(ignoring.stdout == "x,x_ewa_com1\n1,1\nNA,\n3,2\n")
  }

  @Test func suffixesKeepTheTextAsWritten() throws {
    let cases: [([String], String)] = [
      (["--beta", "0.90"], "t_ewa_0.90"), (["--alpha", "0.1"], "t_ewa_alpha0.1"),
      (["--span", "10"], "t_ewa_span10"), (["--com", "9"], "t_ewa_com9"),
      (["--halflife", "6"], "t_ewa_hl6"),
    ]
    for (options, name) in cases {
      let run = try ewa(["smooth"] + options, stdin: "t\n1\n")
      #expect(run.stdout == "t,\(name)\n1,1\n", "\(options)")
    }
    let timed = try ewa(
      ["smooth", "--time", "at", "--halflife", "6h", "--std"], stdin: "at,t\n2024-01-01T00:00,1\n")
    #expect(timed.stdout == "at,t,t_ewa_hl6h,t_ewstd_hl6h\n2024-01-01T00:00,1,1,\n")
  }

  @Test func groupsAreIndependentAndMayInterleave() throws {
    let run = try ewa(
      ["smooth", "--beta", "0.5", "--group-by", "k", "--column", "v"],
      stdin: "k,v\na,10\nb,0\na,10\n\"b\",2\n")
    #expect(run.stdout == "k,v,v_ewa_0.5\na,10,10\nb,0,0\na,10,10\n\"b\",2,1.3333333333333333\n")
  }

  @Test func replaceOverwritesTheColumn() throws {
    let run = try ewa(["smooth", "--beta", "0.5", "--replace"], stdin: "a,b\n1,x\n4,y\n")
    #expect(run.stdout == "a,b\n1,x\n3,y\n")
  }

  @Test func minPeriodsLeavesTheFirstRowsEmpty() throws {
    let run = try ewa(["smooth", "--beta", "0.5", "--min-periods", "2"], stdin: "a\n1\n4\n")
    #expect(run.stdout == "a,a_ewa_0.5\n1,\n4,3\n")
  }

  @Test func quotingAndCRLFPassThroughByteForByte() throws {
    let input = "\u{FEFF}name;\"x;y\";v\r\n\"a \"\"q\"\"\";\"two\nlines\";1\r\nb;\"\";3\r\n"
    let run = try ewa(["smooth", "--beta", "0.5"], stdin: input)
    #expect(
      run.stdout
        == "name;\"x;y\";v;v_ewa_0.5\r\n\"a \"\"q\"\"\";\"two\nlines\";1;1\r\n"
        + "b;\"\";3;2.3333333333333335\r\n"
    )
  }

  @Test func emptyInputGivesNoOutput() throws {
    let run = try ewa(["smooth"], stdin: "")
    #expect(run.stdout.isEmpty && run.stderr.isEmpty && run.status == 0)
  }

  @Test func headerOnlyGivesTheHeaderWithTheNewColumns() throws {
    let run = try ewa(["smooth", "--beta", "0.5,0.9", "--column", "t", "--std"], stdin: "d,t\n")
    #expect(run.stdout == "d,t,t_ewa_0.5,t_ewa_0.9,t_ewstd_0.5,t_ewstd_0.9\n")
    #expect(run.status == 0)
    // Without --column, every column but the time and group-by columns could be numeric.
    let automatic = try ewa(["smooth", "--group-by", "k"], stdin: "k,a,b\n")
    #expect(automatic.stdout == "k,a,b,a_ewa_0.9,b_ewa_0.9\n")
  }

  @Test func stateResumesAcrossRuns() throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let state = directory.appendingPathComponent("s.json").path
    let whole = try ewa(["smooth", "--beta", "0.5"], stdin: "x\n1\n2\n3\n4\n")
    let first = try ewa(["smooth", "--beta", "0.5", "--state", state], stdin: "x\n1\n2\n")
    let second = try ewa(["smooth", "--beta", "0.5", "--state", state], stdin: "x\n3\n4\n")
    #expect(first.status == 0 && second.status == 0)
    #expect(first.stdout + second.stdout.dropFirst("x,x_ewa_0.5\n".count) == whole.stdout)
  }

  @Test func headPipeExitsQuietly() throws {
    let directory = try temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let path = directory.appendingPathComponent("big.csv").path
    var text = "t,v\n"
    for i in 0..<300_000 { text += "\(i),\(i % 97)\n" }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = ewaBinary
    process.arguments = ["smooth", "--column", "v", path]
    let (output, error) = (Pipe(), Pipe())
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let head = output.fileHandleForReading.readData(ofLength: 100)
    try output.fileHandleForReading.close()
    let errors = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(String(decoding: head, as: UTF8.self).hasPrefix("t,v,v_ewa_0.9\n0,0,0\n"))
    #expect(process.terminationStatus == 0)
    #expect(errors.isEmpty)
  }

  @Test func liveInputIsFlushedRowByRow() throws {
    // Each row must come out while the input is still open (the pipe would otherwise hold it).
    let live = try LiveRun(["smooth", "--beta", "0.5"])
    live.send("x\n10\n")
    #expect(live.read(until: "10,10\n") == "x,x_ewa_0.5\n10,10\n")
  }

  @Test func versionAndHelp() throws {
    #expect(try ewa(["--version"]).stdout == "0.1.0\n")
    let help = try ewa(["smooth", "--help"]).stdout
    for option in [
      "--beta", "--alpha", "--span", "--com", "--halflife", "--column", "--init", "--ignore-na",
      "--std", "--min-periods", "--group-by", "--time", "--state", "--delimiter", "--no-header",
      "--replace", "--on-bad-value",
    ] {
      #expect(help.contains(option), "\(option)")
    }
  }
}
