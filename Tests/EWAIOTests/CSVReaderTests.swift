import EWAIO
import EWATestSupport
import Testing

@Suite struct CSVReaderTests {
  @Test(arguments: [1, 2, 3, 7, 1 << 16])
  func quotedFieldsSurviveAnyChunking(chunkSize: Int) throws {
    let text = "name,note\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\r\nlast,\"\"\r\n"
    let records = try readRecords(text, chunkSize: chunkSize)
    #expect(
      records == [["name", "note"], ["a,b", "say \"hi\""], ["two\nlines", "x"], ["last", ""]])
  }

  @Test func byteOrderMarkIsSkipped() throws {
    #expect(try readRecords("\u{FEFF}a,b\n1,2\n") == [["a", "b"], ["1", "2"]])
  }

  @Test func lastLineWithoutNewline() throws {
    #expect(try readRecords("a\n1") == [["a"], ["1"]])
  }

  @Test(arguments: [
    ("a\tb;c\n1\t2;3\n", ["a", "b;c"]), ("a;b,c\n", ["a;b", "c"]), ("a;b\n", ["a", "b"]),
    ("\"x,y\";b\n", ["x,y", "b"]), ("single\n", ["single"]),
  ])
  func delimiterIsDetectedOutsideQuotes(text: String, header: [String]) throws {
    #expect(try readRecords(text, chunkSize: 2).first == header)
  }

  @Test func unterminatedQuoteNamesTheLine() throws {
    #expect(throws: IOError.unterminatedQuote(file: "test.csv", line: 3)) {
      try readRecords("a\n1\n\"open\n2\n")
    }
  }

  @Test func textAfterClosingQuoteIsAnError() throws {
    #expect(throws: IOError.textAfterQuote(file: "test.csv", line: 2, field: 2)) {
      try readRecords("a,b\n1,\"x\"y\n")
    }
  }

  @Test func lineNumbersCountLineBreaksInsideQuotes() throws {
    let reader = CSVReader(name: "t", source: MemorySource("a\n\"1\n2\"\n3\n"))
    var lines: [Int] = []
    while try reader.next() { lines.append(reader.line) }
    #expect(lines == [1, 2, 4])
  }
}
