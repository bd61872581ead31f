import EWA
import EWAIO

/// The per-row work of ``Smoother``: parsing the cells, folding them into the tracks, and writing
/// the output row. Nothing here allocates for an ordinary row.
extension Smoother {
  func isBlank(_ record: CSVRecord) -> Bool {
    record.count == 1 && record.raw(0).isEmpty && fieldCount != 1
  }

  func checkFieldCount(_ record: CSVRecord, file: String, line: Int) throws(SmoothError) {
    guard record.count == fieldCount else {
      throw .fieldCount(file: file, line: line, expected: fieldCount, found: record.count)
    }
  }

  /// Smooths one data record and writes the output row.
  func smooth(_ record: CSVRecord, file: String, line: Int) throws(SmoothError) {
    if isBlank(record) { return }
    try checkFieldCount(record, file: file, line: line)
    rowsRead += 1
    let group = try groupIndex(record)
    let now = try timestamp(record, group: group, file: file, line: line)
    for k in smoothed.indices {
      let cell = record.content(smoothed[k])
      present[k] = false
      if MissingCell.isMissing(cell) {
      } else if let value = NumberText.parse(cell) {
        values[k] = value
        present[k] = true
      } else if options.onBadValue == .skip {
        skippedCells += 1
        if firstSkippedCell == nil {
          firstSkippedCell =
            "\(MessageText.inline(file)), line \(line), column \(MessageText.quoted(names[smoothed[k]]))"
        }
      } else {
        throw .notANumber(
          file: file, line: line, column: names[smoothed[k]],
          text: MessageText.text(preserving: cell))
      }
      try fold(column: k, group: group, now: now)
    }
    if let now { groups[group].lastTime = now }
    try io { () throws(IOError) in try writeRow(record, group: group) }
  }

  /// Folds the current value of smoothed column `k` (or its absence) into each decay's track.
  @inline(__always)
  func fold(column k: Int, group: Int, now: TimeValue?) throws(SmoothError) {
    let observed = present[k]
    if !observed, options.ignoreMissing { return }
    guard let now else {
      // Regular steps: one exclusive access to the column's state for all its decays.
      let x = values[k]
      groups.withUnsafeMutableBufferPointer { groups in
        groups[group].columns.withUnsafeMutableBufferPointer { columns in
          if observed { columns[k].observations.saturatingIncrement() }
          columns[k].tracks.withUnsafeMutableBufferPointer { tracks in
            for d in tracks.indices {
              if observed {
                tracks[d].update(with: x, elapsed: 1)
              } else {
                tracks[d].skip(elapsed: 1)
              }
            }
          }
        }
      }
      return
    }
    let reference =
      options.ignoreMissing ? groups[group].columns[k].lastObservedTime : groups[group].lastTime
    for d in options.decays.indices {
      var elapsed = 1.0
      if let reference, let halflife = options.decays[d].timeHalflife {
        guard let value = halflife.elapsed(from: reference, to: now) else {
          throw .invalidOption(
            "--halflife \(options.decays[d].text) has no unit, "
              + "but column \(MessageText.quoted(options.time ?? "")) "
              + "holds dates; give a unit, as in 4d or 6h")
        }
        elapsed = value
      }
      if observed {
        groups[group].columns[k].tracks[d].update(with: values[k], elapsed: elapsed)
      } else {
        groups[group].columns[k].tracks[d].skip(elapsed: elapsed)
      }
    }
    if observed {
      groups[group].columns[k].observations.saturatingIncrement()
      groups[group].columns[k].lastObservedTime = now
    }
  }

  func groupIndex(_ record: CSVRecord) throws(SmoothError) -> Int {
    guard let column = groupColumn else { return 0 }
    let cell = record.content(column)
    let (index, added): (Int, Bool)
    if record.spans[column].quoted && cell.contains(UInt8(ascii: "\"")) {
      groupKey = record.value(column)
      (index, added) = groupKey.withUnsafeBufferPointer { groupTable.index(of: $0) }
    } else {
      (index, added) = groupTable.index(of: cell)
    }
    if added { groups.append(newGroup()) }
    return index
  }

  func timestamp(_ record: CSVRecord, group: Int, file: String, line: Int)
    throws(SmoothError) -> TimeValue?
  {
    guard let column = timeColumn else { return nil }
    let cell = record.content(column)
    let text = { MessageText.text(preserving: cell) }
    guard let now = TimeValue.parse(cell) else {
      throw .badTimestamp(file: file, line: line, column: names[column], text: text())
    }
    let isInstant = if case .instant = now { true } else { false }
    if let expected = timesAreInstants, expected != isInstant {
      throw .badTimestamp(file: file, line: line, column: names[column], text: text())
    }
    timesAreInstants = isInstant
    if let previous = groups[group].lastTime {
      let backwards =
        switch (previous, now) {
        case (.instant(let a), .instant(let b)): b < a
        case (.number(let a), .number(let b)): b < a
        default: false
        }
      if backwards {
        throw .timeWentBackwards(
          file: file, line: line, column: names[column], text: text(),
          previous: previous.description)
      }
    }
    return now
  }

  func writeRow(_ record: CSVRecord, group: Int) throws(IOError) {
    if options.replace {
      for index in 0..<fieldCount {
        if index > 0 { try output.append(delimiter) }
        if replaced[index], let k = smoothed.firstIndex(of: index) {
          try writeMean(column: k, decay: 0, group: group)
        } else {
          try output.append(record.raw(index))
        }
      }
    } else {
      // The fields as written, with the delimiters between them: one copy.
      try output.append(record.whole)
    }
    for k in smoothed.indices {
      if !options.replace {
        for d in options.decays.indices {
          try output.append(delimiter)
          try writeMean(column: k, decay: d, group: group)
        }
      }
      if options.standardDeviation {
        for d in options.decays.indices {
          try output.append(delimiter)
          if shows(column: k, group: group),
            let deviation = groups[group].columns[k].tracks[d].standardDeviation
          {
            try NumberText.append(deviation, to: output)
          }
        }
      }
    }
    for byte in lineEnd { try output.append(byte) }
  }

  @inline(__always)
  func shows(column k: Int, group: Int) -> Bool {
    present[k] && groups[group].columns[k].observations >= options.minPeriods
  }

  @inline(__always)
  func writeMean(column k: Int, decay d: Int, group: Int) throws(IOError) {
    guard shows(column: k, group: group) else { return }
    let average = groups[group].columns[k].tracks[d].average
    try NumberText.append(options.initial == .zero ? average.raw : average.corrected, to: output)
  }
}

extension Int {
  /// Adds one, staying at `Int.max` there: a count restored from a state file may be near it.
  @inline(__always)
  mutating func saturatingIncrement() { self = self == .max ? .max : self + 1 }
}
