import EWAIO
import EWATrain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Training progress on standard error: a bar redrawn in place on a terminal, otherwise a line
/// every twentieth of the run.
struct Progress {
  let total: Int
  let label: String
  let isTerminal = isatty(STDERR_FILENO) != 0

  func update(_ record: EpochRecord) {
    if isTerminal {
      let every = max(1, total / 200)
      guard record.epoch % every == 0 || record.epoch == total else { return }
      let width = 30
      let done = min(width, Int(Double(width) * Double(record.epoch) / Double(max(total, 1))))
      let bar = String(repeating: "#", count: done) + String(repeating: ".", count: width - done)
      emit("\r\(label)[\(bar)] epoch \(record.epoch)/\(total) cost \(format(record.cost))   ")
      if record.epoch == total { emit("\n") }
    } else {
      let every = max(1, total / 20)
      guard record.epoch % every == 0 || record.epoch == total else { return }
      emit(
        "\(label)epoch \(record.epoch)/\(total) step \(record.step) lr \(String(format: "%.3g", record.learningRate)) cost \(format(record.cost))\n"
      )
    }
  }

  private func emit(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }
}

/// A number with six significant digits.
func format(_ x: Double) -> String {
  String(format: "%.6g", x)
}
