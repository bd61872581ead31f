import EWA
import EWAIO

/// How columns are found by the name or number the user gives, and how the smoother names the
/// columns it adds, so that no two columns of the output share a name.
public enum ColumnNames {
  /// The index of the column given by name or by 1-based index (`--column`, `--group-by`,
  /// `--time`). A name takes precedence over a number; a name two columns share is ambiguous.
  ///
  /// - Throws: ``SmoothError/unknownColumn(_:available:)``,
  ///   ``SmoothError/columnIndexOutOfRange(_:count:)``, or ``SmoothError/invalidOption(_:)``
  ///   (exit 64) for an ambiguous name, listing the indices to use instead.
  public static func resolve(_ reference: String, in names: [String]) throws(SmoothError) -> Int {
    let matches = names.indices.filter { names[$0] == reference }
    if matches.count > 1 {
      let numbers = matches.map { String($0 + 1) }
      let all = numbers.dropLast().joined(separator: ", ")
      let both = numbers.count == 2 ? "both" : "all"
      throw .invalidOption(
        "the column name \(MessageText.quoted(reference)) is ambiguous: columns \(all) and "
          + "\(numbers.last!) \(both) have it; give the column by its index instead "
          + "(\(all) or \(numbers.last!))")
    }
    if let index = matches.first { return index }
    if let number = Int(reference), !reference.hasPrefix("+"), !reference.hasPrefix("-") {
      guard (1...names.count).contains(number) else {
        throw .columnIndexOutOfRange(number, count: names.count)
      }
      return number - 1
    }
    throw .unknownColumn(reference, available: names)
  }

  /// The names of the columns the smoother adds, in output order: for each smoothed column its
  /// averages `<column>_ewa_<decay>` (unless `replace`), then its standard deviations
  /// `<column>_ewstd_<decay>` (with `standardDeviation`).
  ///
  /// The rule that keeps every output name unique:
  /// - a smoothed column with an empty header is called `column<N>` (its 1-based index);
  /// - a generated name that an input column or an earlier generated name already has gets the
  ///   first free suffix `_2`, `_3`, … (`x_ewa_0.9` beside an input `x_ewa_0.9` becomes
  ///   `x_ewa_0.9_2`; two input columns `x` give `x_ewa_0.9` and `x_ewa_0.9_2`).
  ///
  /// Input columns keep their names (duplicates included): the output starts with the input.
  public static func generated(
    input names: [String], smoothed: [Int], suffixes: [String], replace: Bool,
    standardDeviation: Bool
  ) -> [String] {
    var taken = Set(names)
    var result: [String] = []
    for column in smoothed {
      let base = names[column].isEmpty ? "column\(column + 1)" : names[column]
      var kinds: [String] = []
      if !replace { kinds.append("_ewa_") }
      if standardDeviation { kinds.append("_ewstd_") }
      for kind in kinds {
        for suffix in suffixes {
          let wanted = base + kind + suffix
          var name = wanted
          var counter = 2
          while taken.contains(name) {
            name = wanted + "_\(counter)"
            counter += 1
          }
          taken.insert(name)
          result.append(name)
        }
      }
    }
    return result
  }
}
