import EWAIO
import EWASmooth
import Foundation

/// |a - b| ≤ tolerance · max(|a|, |b|, 1e-300)
func close(_ a: Double, _ b: Double, relative tolerance: Double = 1e-12) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
}

/// The package root, found from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A file under `Tests/Fixtures/smooth/`.
func fixturePath(_ name: String) -> String {
  packageRoot.appendingPathComponent("Tests/Fixtures/smooth/\(name)").path
}

/// Reads all records of `text` as decoded strings, with the reader fed `chunkSize` bytes at a time.
func readRecords(_ text: String, chunkSize: Int = 1 << 16, delimiter: UInt8? = nil) throws
  -> [[String]]
{
  let reader = CSVReader(
    name: "test.csv", source: MemorySource(text, chunkSize: chunkSize), delimiter: delimiter,
    chunkSize: 16)
  var records: [[String]] = []
  while try reader.next() {
    records.append(reader.withRecord { record in (0..<record.count).map { record.text($0) } })
  }
  return records
}

/// Runs the smoother over in-memory inputs and returns its output as text.
func smoothText(_ inputs: [String], options: SmoothOptions, chunkSize: Int = 1 << 16) throws
  -> String
{
  let sink = MemorySink()
  let smoother = Smoother(options: options, output: OutputBuffer(sink: sink, capacity: 64))
  for (index, input) in inputs.enumerated() {
    try smoother.process(
      name: "input\(index + 1).csv", source: MemorySource(input, chunkSize: chunkSize))
  }
  try smoother.finish()
  return sink.text
}

/// Options for decays given as a `--beta` list.
func options(beta: String, configure: (inout SmoothOptions) -> Void = { _ in }) throws
  -> SmoothOptions
{
  var options = SmoothOptions(decays: try DecaySpec.parseList(beta, form: .beta, timed: false))
  configure(&options)
  try options.validate()
  return options
}

/// The result of running the built `ewa` binary.
struct Run {
  let stdout: String
  let stderr: String
  let status: Int32
}

/// The `ewa` executable SwiftPM built beside this test bundle (the test target depends on it).
let ewaBinary: URL = {
  let debug = packageRoot.appendingPathComponent(".build/debug/ewa")
  var directory = Bundle.main.bundleURL
  for _ in 0..<4 {
    let candidate = directory.appendingPathComponent("ewa")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    directory = directory.deletingLastPathComponent()
  }
  return debug
}()

/// Runs `ewa` with `arguments`, feeding `stdin`, in `directory`.
func ewa(_ arguments: [String], stdin: String = "", in directory: URL? = nil) throws -> Run {
  let process = Process()
  process.executableURL = ewaBinary
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  let (input, output, error) = (Pipe(), Pipe(), Pipe())
  process.standardInput = input
  process.standardOutput = output
  process.standardError = error
  try process.run()
  let writer = Thread {
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try? input.fileHandleForWriting.close()
  }
  writer.start()
  let errorData = LockedData()
  let errorReader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
  errorReader.start()
  let outData = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  while !errorData.isSet { usleep(1000) }
  return Run(
    stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errorData.value, as: UTF8.self), status: process.terminationStatus)
}

/// Data handed from one thread to another.
final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?
  func set(_ value: Data) { lock.withLock { data = value } }
  var isSet: Bool { lock.withLock { data != nil } }
  var value: Data { lock.withLock { data ?? Data() } }
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "ewa-smooth-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
