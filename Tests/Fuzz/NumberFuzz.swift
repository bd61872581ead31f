import EWAIO
import EWASmooth

/// Fuzzes the decimal parser: a parsed number is finite and its shortest text reads back as the
/// same double.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumber(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  guard let value = NumberText.parse(UnsafeBufferPointer(start: data, count: size)) else {
    return 0
  }
  precondition(value.isFinite, "parsed a non-finite number")
  var text = Array(NumberText.format(value).utf8)
  let again = text.withUnsafeMutableBufferPointer { NumberText.parse(.init($0)) }
  precondition(
    again?.bitPattern == value.bitPattern || (value == 0 && again == 0),
    "\(value) prints as \(NumberText.format(value)) which reads back as \(String(describing: again))"
  )
  return 0
}
