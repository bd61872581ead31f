import EWAIO
import EWATestSupport
import Foundation
import Testing

/// The word-at-a-time search and the scanner built on it, against the plain byte loop and against
/// records known in advance.
@Suite struct ByteSearchTests {
  @Test func wordSearchFindsWhatTheByteLoopFinds() {
    var generator = TestRandom(seed: 0xB17E_5EA2)
    // Few distinct bytes, so that matches are frequent and in every position of a word, and
    // bytes with the high bit set, where a borrow could leak into the next byte.
    let alphabet: [UInt8] = [0x2C, 0x0A, 0x0D, 0x22, 0x61, 0x00, 0x80, 0xFF, 0x2B, 0x0B]
    for _ in 0..<20_000 {
      let count = Int(generator.next() % 40)
      let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % 10)] }
      let start = count == 0 ? 0 : Int(generator.next() % UInt64(count + 1))
      let end = start + Int(generator.next() % UInt64(count - start + 1))
      let (a, b, c) = (
        alphabet[Int(generator.next() % 10)], alphabet[Int(generator.next() % 10)],
        alphabet[Int(generator.next() % 10)]
      )
      bytes.withUnsafeBufferPointer { buffer in
        let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 8)!
        let fast = ByteSearch.first(a, b, c, in: base, from: start, to: end)
        let plain = ByteSearch.firstByteByByte(a, b, c, in: base, from: start, to: end)
        #expect(fast == plain, "\(bytes) \(start)..<\(end) \(a) \(b) \(c)")
      }
    }
  }

  /// Random records, written as CSV with random quoting and line ends.
  func document(_ generator: inout TestRandom) -> (text: String, records: [[String]]) {
    let pieces = ["a", "bc", "1", "-2.5", " ", ",", "\"", "\n", "\r", "\r\n", ";", "\t", "é"]
    var records: [[String]] = []
    var text = ""
    for _ in 0..<Int(generator.next() % 12) + 1 {
      var record: [String] = []
      let fieldCount = Int(generator.next() % 5) + 1
      for index in 0..<fieldCount {
        var field = ""
        for _ in 0..<Int(generator.next() % 6) {
          field += pieces[Int(generator.next() % UInt64(pieces.count))]
        }
        record.append(field)
        if index > 0 { text += "," }
        let special = field.utf8.contains { [0x2C, 0x22, 0x0A, 0x0D].contains($0) }
        // A record of one empty field unquoted would be an empty line.
        if special || (fieldCount == 1 && field.isEmpty) || generator.next() % 4 == 0 {
          text += "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        } else {
          text += field
        }
      }
      records.append(record)
      text += generator.next() % 2 == 0 ? "\n" : "\r\n"
    }
    return (text, records)
  }

  @Test(arguments: [1, 2, 3, 7, 8, 9, 13, 64, 1 << 16])
  func readerReadsRandomCSVAtAnyChunkSize(chunkSize: Int) throws {
    var generator = TestRandom(seed: 0xC5F + UInt64(chunkSize))
    for _ in 0..<400 {
      let (text, records) = document(&generator)
      let read = try readRecords(text, chunkSize: chunkSize, delimiter: UInt8(ascii: ","))
      #expect(read == records, "\(text.debugDescription)")
    }
  }
}
