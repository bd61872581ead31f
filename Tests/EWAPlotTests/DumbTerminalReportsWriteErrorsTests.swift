import EWATestSupport
import Foundation
import Testing

/// Issue 8, class 4 (the dumb terminal): the chart gnuplot draws as text reaches standard output
/// through ewa, so a failed write (`> /dev/full`) is 74 with a sentence, not a silent 0.
@Suite(.enabled(if: EWABinary.gnuplotIsAvailable, "gnuplot is not on PATH"))
struct DumbTerminalReportsWriteErrorsTests {
  @Test(arguments: [["schedule", "--epochs", "5"], ["trajectory", "--function", "bowl"]])
  func aFullStandardOutputIs74(arguments: [String]) throws {
    let directory = try EWABinary.temporaryDirectory()
    defer { TemporaryFolder.remove(directory) }
    let run = try ProcessRun(
      ["plot"] + arguments + ["--terminal", "dumb"], in: directory, input: .pipe(Data()),
      output: .file("/dev/full"), error: .capturedThroughPipe
    ).run()
    #expect(run.status == 74)
    #expect(run.stderrText == "ewa: cannot write standard output: No space left on device\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
  }
}
