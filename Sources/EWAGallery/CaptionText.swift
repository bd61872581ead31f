import Foundation

/// How the gallery's titles and captions write the numbers they report, so that each number is
/// computed from the run its figure shows and reads the same way every time.
enum CaptionText {
  /// A number with a fixed count of decimals, e.g. `-0.66` for two.
  static func fixed(_ value: Double, decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }

  /// A number without a trailing `.0`: `1`, `0.5`.
  static func short(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }

  /// A point as `(x, y)` with two decimals, e.g. `(-0.66, 0.44)`.
  static func point(_ x: Double, _ y: Double) -> String {
    "(\(fixed(x, decimals: 2)), \(fixed(y, decimals: 2)))"
  }

  /// A cost or loss as a reader takes it in: one decimal from 1 up (`2.8`), else its first
  /// significant digit (`0.05`, `0.0003`).
  static func cost(_ value: Double) -> String {
    let size = abs(value)
    guard size < 1, size > 0, value.isFinite else { return fixed(value, decimals: 1) }
    return fixed(value, decimals: Int(-Foundation.log10(size).rounded(.down)))
  }

  /// A share as a percentage with one decimal, e.g. `96.3 %`.
  static func percent(_ share: Double) -> String {
    let tenths = (share * 1000).rounded()
    return "\(Int(tenths) / 10).\(Int(tenths) % 10) %"
  }

  /// Items as a sentence lists them: `a`, `a and b`, `a, b and c`.
  static func list(_ items: [String]) -> String {
    guard let last = items.last, items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }
}
