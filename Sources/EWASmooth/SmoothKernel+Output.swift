import EWA
import EWAIO

/// What the kernel shows for the row it folded last, and the one row write.
extension SmoothKernel {
  /// Whether column `k` of the last row is shown: it was observed, and its group has at least
  /// `--min-periods` observations.
  @inline(__always)
  func shows(column k: Int, group: Int) -> Bool {
    present[k] && observations[group * width + k] >= layout.options.minPeriods
  }

  /// The average of column `k` for decay `d` after the last row, as `ewa smooth` prints it, or
  /// nil where the row shows none (a missing cell, or fewer than `--min-periods` observations).
  @inline(__always)
  public func mean(column k: Int, decay d: Int, group: Int) -> Double? {
    guard shows(column: k, group: group) else { return nil }
    let average = tracks[(group * width + k) * decays + d].average
    return layout.options.initial == .zero ? average.raw : average.corrected
  }

  /// The standard deviation of column `k` for decay `d` after the last row (with `--std`), or
  /// nil where the row shows none or it is still undefined.
  public func standardDeviation(column k: Int, decay d: Int, group: Int) -> Double? {
    guard shows(column: k, group: group) else { return nil }
    return tracks[(group * width + k) * decays + d].standardDeviation
  }

  /// The value of smoothed column `k` in the last row, or nil where it was missing.
  public func value(column k: Int) -> Double? { present[k] ? values[k] : nil }

  /// Writes the output row of `record`, just folded into `group`: the record as written (with
  /// `--replace`, the smoothed fields overwritten), then the averages and deviations.
  @inline(__always)
  public func write(_ record: CSVRecord, group: Int, to output: OutputBuffer) throws(IOError) {
    let delimiter = layout.delimiter
    if layout.copiesRecord {
      // The fields as written, with the delimiters between them: one copy.
      try output.append(record.whole)
    } else {
      for index in 0..<layout.fieldCount {
        if index > 0 { try output.append(delimiter) }
        let k = layout.replacement[index]
        if k >= 0 {
          try writeNumber(mean(column: k, decay: 0, group: group), to: output)
        } else {
          try output.append(record.raw(index))
        }
      }
    }
    let spread = layout.options.standardDeviation
    for k in 0..<width {
      if layout.copiesRecord {
        for d in 0..<decays {
          try output.append(delimiter)
          try writeNumber(mean(column: k, decay: d, group: group), to: output)
        }
      }
      if spread {
        for d in 0..<decays {
          try output.append(delimiter)
          try writeNumber(standardDeviation(column: k, decay: d, group: group), to: output)
        }
      }
    }
    for byte in layout.lineEnd { try output.append(byte) }
  }

  @inline(__always)
  private func writeNumber(_ number: Double?, to output: OutputBuffer) throws(IOError) {
    if let number { try NumberText.append(number, to: output) }
  }
}
