import EWAIO
import EWA
import EWASmooth

/// Fuzzes the state-file decoder behind `ewa smooth --state` and `ewa state combine`: a file
/// either loads, combines with itself and resumes a run, or is refused with a one-line
/// categorized error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzState(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let path = temporaryFile(UnsafeBufferPointer(start: data, count: size), name: "state.json")
  do {
    guard let saved = try SmoothState.load(path: path) else { return 0 }
    // Combining a loaded state with itself is refused with a sentence or succeeds, never traps.
    do {
      _ = try saved.combined(with: saved, path: path, nextPath: path)
    } catch { checkError(error) }
    let options = saved.options
    try options.validate()
    let smoother = Smoother(options: options, output: OutputBuffer(sink: MemorySink()))
    smoother.resume(from: saved, path: path)
    let header = (saved.columns + [saved.groupBy, saved.time].compactMap { $0 })
    let row = header.map { $0 == saved.time ? "2024-01-01" : $0 == saved.groupBy ? "a" : "1" }
    let csv = header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
    try smoother.process(name: "fuzz.csv", source: MemorySource(csv))
    try smoother.finish()
    _ = smoother.finalState
  } catch { checkError(error) }
  return 0
}
