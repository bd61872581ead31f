import EWAIO
import EWATestSupport
import Testing

@Suite struct CSVWriterTests {
  /// Writes `fields` as one record with CSVWriter and returns the text.
  func written(_ fields: [String], delimiter: UInt8 = UInt8(ascii: ",")) throws -> String {
    let sink = MemorySink()
    let output = OutputBuffer(sink: sink, capacity: 64)
    for (index, field) in fields.enumerated() {
      if index > 0 { try output.append(delimiter) }
      try CSVWriter.appendField(field, delimiter: delimiter, to: output)
    }
    try output.append(UInt8(ascii: "\n"))
    try output.flush()
    return sink.text
  }

  @Test func quotesOnlyWhereNeeded() throws {
    #expect(
      try written(["plain", "a,b", "say \"hi\"", "two\nlines", "", "x;y"])
        == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,x;y\n")
    #expect(try written(["x;y", "a,b"], delimiter: UInt8(ascii: ";")) == "\"x;y\";a,b\n")
  }

  @Test func randomFieldsRoundTripByteForByte() throws {
    var generator = SystemRandomNumberGenerator()
    let alphabet = Array("ab,;\"\n\r\t 1.")
    for _ in 0..<500 {
      let fields = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
        String(
          (0..<Int.random(in: 0...8, using: &generator)).map { _ in
            alphabet.randomElement(using: &generator)!
          })
      }
      let text = try written(fields)
      let records = try readRecords(
        text, chunkSize: Int.random(in: 1...9, using: &generator), delimiter: UInt8(ascii: ","))
      #expect(records == [fields], "\(fields)")
      // and the text written from the values read back is the same text
      #expect(try written(records[0]) == text)
    }
  }
}
