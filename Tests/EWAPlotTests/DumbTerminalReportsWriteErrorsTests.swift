import Foundation
import Testing

/// Issue 8, class 4 (the dumb terminal): the chart gnuplot draws as text reaches standard output
/// through ewa, so a failed write (`> /dev/full`) is 74 with a sentence, not a silent 0.
@Suite(.enabled(if: EWABinary.gnuplotIsAvailable, "gnuplot is not on PATH"))
struct DumbTerminalReportsWriteErrorsTests {
  @Test(arguments: [["schedule", "--epochs", "5"], ["trajectory", "--function", "bowl"]])
  func aFullStandardOutputIs74(arguments: [String]) throws {
    let directory = try EWABinary.temporaryDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: EWABinary.path)
    process.arguments = ["plot"] + arguments + ["--terminal", "dumb"]
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    let messages = Pipe()
    process.standardError = messages
    try process.run()
    let text = String(
      decoding: messages.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 74)
    #expect(text == "ewa: cannot write standard output: No space left on device\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
  }
}
