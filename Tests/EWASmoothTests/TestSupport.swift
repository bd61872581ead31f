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
    try smoother.process(name: "input\(index + 1).csv", source: MemorySource(input, chunkSize: chunkSize))
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
