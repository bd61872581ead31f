import EWAIO
import EWA
import EWASmooth

/// Fuzzes the half-life and decay parsers: every option value either parses to a decay an
/// average accepts, whose time decay is a weight in [0, 1], or fails with a one-line error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDuration(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  if let span = TimeSpan.parse(text) {
    let a = TimeValue.instant(nanoseconds: 0)
    let b = TimeValue.instant(nanoseconds: 86_400_000_000_000)
    if let elapsed = span.elapsed(from: a, to: b) {
      precondition(elapsed >= 0 && !elapsed.isNaN, "elapsed \(elapsed) for \(span)")
    }
  }
  for form in DecaySpec.Form.allCases {
    for timed in [false, true] {
      do {
        for spec in try DecaySpec.parseList(text, form: form, timed: timed) {
          var average = ExponentialAverage<Double>(beta: spec.decay.beta, zero: 0)
          average.update(with: 1)
          average.update(with: 2, elapsed: 3)
          precondition(average.corrected.isFinite, "\(spec) gives \(average.corrected)")
        }
      } catch { checkError(error) }
    }
  }
  return 0
}
