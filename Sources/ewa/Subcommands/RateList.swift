/// The value of `--lr`: one learning rate, or (for `plot trajectory`) a comma-separated list with
/// one rate per optimizer, e.g. `0.001,0.001,0.01,0.05`.
struct RateList {
  /// The rates, in the order given; at least one.
  var values: [Double]

  /// Reads `text`, or fails unless it is one or more numbers separated by commas.
  init?(_ text: String) {
    let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
    guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
    self.values = values.compactMap { $0 }
  }
}
