import Foundation
import Testing

/// Compares script text with a committed golden file in `Golden/`; with `EWA_RECORD_GOLDEN=1` in
/// the environment it writes the file instead (review the diff before committing it).
enum Golden {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static func check(
    _ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = directory.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["EWA_RECORD_GOLDEN"] == "1" {
      try text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    let expected = try? String(contentsOf: url, encoding: .utf8)
    #expect(
      expected != nil, "no golden file \(name); record it with EWA_RECORD_GOLDEN=1 swift test",
      sourceLocation: sourceLocation)
    guard let expected else { return }
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    if let line = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
      Issue.record(
        "\(name) line \(line.offset + 1): got \"\(line.element.0)\", expected \"\(line.element.1)\"",
        sourceLocation: sourceLocation)
    }
    #expect(got.count == want.count, "\(name): line counts differ", sourceLocation: sourceLocation)
  }
}
