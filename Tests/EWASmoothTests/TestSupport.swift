import EWAIO
import EWASmooth
import EWATestSupport
import Foundation

/// |a - b| ≤ tolerance · max(|a|, |b|, 1e-300)
func close(_ a: Double, _ b: Double, relative tolerance: Double = 1e-12) -> Bool {
  abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-300)
}

/// The package root.
let packageRoot: URL = PackagePaths.root

/// A file under `Tests/Fixtures/smooth/`.
func fixturePath(_ name: String) -> String {
  packageRoot.appendingPathComponent("Tests/Fixtures/smooth/\(name)").path
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
let ewaBinary: URL = PackagePaths.ewa

/// Runs `ewa` with `arguments`, feeding `stdin` through a pipe, in `directory`, and collects its
/// output through pipes.
func ewa(_ arguments: [String], stdin: String = "", in directory: URL? = nil) throws -> Run {
  let run = try ProcessRun(
    arguments, in: directory, input: .pipe(Data(stdin.utf8)), output: .capturedThroughPipe,
    error: .capturedThroughPipe
  ).run()
  return Run(stdout: run.stdoutText, stderr: run.stderrText, status: run.status)
}

/// A fresh temporary directory.
func temporaryDirectory() throws -> URL {
  try TemporaryFolder(prefix: "ewa-smooth-tests").url
}
