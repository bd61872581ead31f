import EWAIO
import Testing

/// A record that never ends cannot take all memory, and a long first line is scanned once.
@Suite struct CSVReaderLimitTests {
  func read(_ text: String, limit: Int, chunk: Int) throws(IOError) -> [[String]] {
    let reader = CSVReader(
      name: "long.csv", source: MemorySource(text, chunkSize: chunk), chunkSize: 16,
      maximumRecordBytes: limit)
    var records: [[String]] = []
    while try reader.next() {
      records.append(reader.withRecord { record in (0..<record.count).map { record.text($0) } })
    }
    return records
  }

  @Test(arguments: [1, 7, 64])
  func aRecordLongerThanTheLimitIsRefusedWithItsLine(chunk: Int) {
    let text = "a,b\n1,2\n" + String(repeating: "x", count: 5000) + ",3\n"
    #expect(throws: IOError.recordTooLong(file: "long.csv", line: 3, limit: 1024)) {
      try read(text, limit: 1024, chunk: chunk)
    }
    // An unclosed quote is a record that never ends as well.
    #expect(throws: IOError.recordTooLong(file: "long.csv", line: 2, limit: 1024)) {
      try read("a\n\"" + String(repeating: "y\n", count: 3000), limit: 1024, chunk: chunk)
    }
  }

  @Test func recordsUpToTheLimitAreRead() throws {
    let cell = String(repeating: "z", count: 900)
    #expect(try read("h;k\n\(cell);1\n", limit: 1024, chunk: 5) == [["h", "k"], [cell, "1"]])
  }

  @Test func theDelimiterOfALongFirstLineIsDetectedAcrossReads() throws {
    let header = String(repeating: "q", count: 10_000) + "\tb;c\tv"
    let records = try read(header + "\n1\t2;3\t4\n", limit: 1 << 20, chunk: 3)
    #expect(records.map(\.count) == [3, 3])
    #expect(records[1] == ["1", "2;3", "4"])
  }

  @Test func theMessageSaysWhatWasRefused() {
    let error = IOError.recordTooLong(file: "in\u{1B}.csv", line: 7, limit: 64 << 20)
    #expect(error.kind == .data)
    #expect(
      error.description
        == "in\\u{1B}.csv, line 7: the record is longer than 64 MiB (a line that never ends, or a "
        + "quote that is never closed); ewa reads records of at most 64 MiB")
  }
}
