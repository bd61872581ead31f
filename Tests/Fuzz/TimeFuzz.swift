import EWAIO
import EWASmooth

/// Fuzzes the timestamp parser: an instant prints as ISO-8601 text that reads back as the same
/// instant.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTime(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard let value = TimeValue.parse(UnsafeBufferPointer(start: data, count: size)) else {
    return 0
  }
  var text = Array(value.description.utf8)
  let again = text.withUnsafeMutableBufferPointer { TimeValue.parse(.init($0)) }
  if case .instant = value {
    precondition(
      again == value,
      "\(value) prints as \(value.description), read back \(String(describing: again))")
  }
  return 0
}
