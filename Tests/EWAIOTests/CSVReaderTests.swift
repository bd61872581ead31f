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
    ("k\u{01}t\u{01}1,5\n", ["k", "t", "1,5"]), ("a,b\u{01}c\n", ["a", "b\u{01}c"]),
  ])
  func delimiterIsDetectedOutsideQuotes(text: String, header: [String]) throws {
    #expect(try readRecords(text, chunkSize: 2).first == header)
  }

  @Test(arguments: ["5\n", "\n", "ab\n"])
  func aShortFirstLineIsReturnedWithoutWaitingForMore(line: String) throws {
    // A live pipe has sent only this line; asking for more would wait for the next one.
    let reads = ReadCount()
    let source = CountingSource(MemorySource(line + "6\n", chunkSize: line.utf8.count), reads)
    let reader = CSVReader(name: "t", source: source)
    #expect(try reader.next())
    #expect(reads.value == 1, "\(line)")
  }

  @Test func aByteOrderMarkArrivingByteByByteIsStillSkipped() throws {
    #expect(try readRecords("\u{FEFF}a\n1\n", chunkSize: 1) == [["a"], ["1"]])
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

/// How many reads a ``CountingSource`` was asked for.
final class ReadCount { var value = 0 }

/// A source that counts the reads asked of it.
struct CountingSource: ByteSource {
  var base: MemorySource
  let reads: ReadCount
  init(_ base: MemorySource, _ reads: ReadCount) {
    self.base = base
    self.reads = reads
  }
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(IOError) -> Int {
    reads.value += 1
    return try base.read(into: buffer)
  }
}
