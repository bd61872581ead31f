import EWAIO

/// The one way numbers are written into a script, so the same figure gives the same bytes.
enum GnuplotNumber {
  /// An integral value below 2^53 as an integer (`3`, not `3.0`); any other finite value as the
  /// shortest text that reads back as the same `Double` (`0.1`, `1e-05`); NaN and infinities as
  /// `NaN`, which gnuplot reads as a missing point.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "NaN" }
    if value == value.rounded(), abs(value) < 0x1p53 { return String(Int64(value)) }
    return NumberText.format(value)  // not integral: the same text as `description`
  }

}
