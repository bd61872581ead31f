import EWAIO
import EWA
import EWASmooth

/// Fuzzes the CSV reader and the smoother behind `ewa smooth`: any bytes either smooth or fail
/// with a one-line categorized error. The first byte picks the chunk size and the options.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard size > 0 else { return 0 }
  let selector = data[0]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  // The reader alone, with a small chunk size so that records straddle refills.
  let reader = CSVReader(
    name: "fuzz.csv", source: MemorySource(bytes, chunkSize: Int(selector & 7) + 1),
    chunkSize: 16)
  do {
    while try reader.next() {
      reader.withRecord { record in
        for k in 0..<record.count { _ = record.text(k) }
      }
    }
  } catch { checkError(error) }
  // The whole smoother, with options taken from the selector's bits.
  do {
    let timed = selector & 0x10 != 0
    var options = SmoothOptions(
      decays: try DecaySpec.parseList(
        timed ? "1h,3" : "0.5,0.9", form: timed ? .halflife : .beta,
        timed: timed))
    if timed { options.time = "t" }
    if selector & 0x20 != 0 { options.groupBy = "g" }
    if selector & 0x40 != 0 { options.standardDeviation = true }
    if selector & 0x80 != 0 { options.onBadValue = .skip }
    if selector & 0x08 != 0 { options.ignoreMissing = true }
    let smoother = Smoother(options: options, output: OutputBuffer(sink: MemorySink()))
    try smoother.process(name: "fuzz.csv", source: MemorySource(bytes, chunkSize: 7))
    try smoother.finish()
    _ = smoother.finalState
  } catch { checkError(error) }
  return 0
}
