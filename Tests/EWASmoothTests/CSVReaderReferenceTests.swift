import EWAIO
import EWASmooth
import EWATestSupport
import Testing

/// The fast CSV scanner against a plain reference scanner on random and hostile inputs.
@Suite struct CSVReaderReferenceTests {
  /// A byte-at-a-time RFC 4180 scanner over the whole input: nil for an unterminated quote or
  /// text after a closing quote. LF, CRLF and a lone CR end a record; a leading UTF-8 byte order
  /// mark is skipped.
  func reference(_ bytes: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) -> [[String]]? {
    let (quote, lf, cr) = (UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"))
    let n = bytes.count
    var i = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    var records: [[String]] = []
    while i < n {
      var fields: [String] = []
      while true {
        var field: [UInt8] = []
        if i < n, bytes[i] == quote {
          i += 1
          while true {
            guard i < n else { return nil }
            if bytes[i] == quote {
              if i + 1 < n, bytes[i + 1] == quote {
                field.append(quote)
                i += 2
                continue
              }
              i += 1
              break
            }
            field.append(bytes[i])
            i += 1
          }
          if i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr { return nil }
        } else {
          while i < n, bytes[i] != delimiter, bytes[i] != lf, bytes[i] != cr {
            field.append(bytes[i])
            i += 1
          }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        if i == n { break }
        let byte = bytes[i]
        i += 1
        if byte == delimiter { continue }
        if byte == cr, i < n, bytes[i] == lf { i += 1 }
        break
      }
      records.append(fields)
    }
    return records
  }

  /// The fast reader's records, or nil if it threw.
  func fast(_ bytes: [UInt8], chunkSize: Int) -> [[String]]? {
    let reader = CSVReader(
      name: "t.csv", source: MemorySource(bytes, chunkSize: chunkSize),
      delimiter: UInt8(ascii: ","), chunkSize: 16)
    var records: [[String]] = []
    do {
      while try reader.next() {
        records.append(reader.withRecord { record in (0..<record.count).map { record.text($0) } })
      }
    } catch {
      return nil
    }
    return records
  }

  @Test func randomHostileBytes() {
    // Quotes, delimiters, CR, LF, blanks, a two-byte character, the BOM's bytes, digits.
    let alphabet: [[UInt8]] = [
      [0x22], [0x2C], [0x0D], [0x0A], [0x0D, 0x0A], [0x20], [0xC3, 0xA9], [0xEF, 0xBB, 0xBF],
      [0x31], [0x61], [0x22, 0x22],
    ]
    var generator = TestRandom(seed: 42)
    var failures = 0
    var rejected = 0
    for _ in 0..<3000 {
      var bytes: [UInt8] = Bool.random(using: &generator) ? [0xEF, 0xBB, 0xBF] : []
      for _ in 0..<Int.random(in: 0...40, using: &generator) {
        bytes += alphabet.randomElement(using: &generator)!
      }
      let chunk = [1, 2, 3, 5, 64].randomElement(using: &generator)!
      let expected = reference(bytes)
      if expected == nil { rejected += 1 }
      if fast(bytes, chunkSize: chunk) != expected { failures += 1 }
    }
    #expect(failures == 0)
    // Both outcomes are exercised: inputs read as records, and inputs refused.
    #expect(rejected > 300 && rejected < 2700)
  }

  @Test func randomWellFormedRecords() {
    var generator = TestRandom(seed: 7)
    let plain: [UInt8] = Array("ab1. -é".utf8)
    let quoted: [UInt8] = Array("a,\"\n\r b;".utf8)
    var failures = 0
    for _ in 0..<1000 {
      var bytes: [UInt8] = []
      let width = Int.random(in: 1...4, using: &generator)
      for _ in 0..<Int.random(in: 0...20, using: &generator) {
        for column in 0..<width {
          if column > 0 { bytes.append(UInt8(ascii: ",")) }
          let length = Int.random(in: 0...6, using: &generator)
          if Int.random(in: 0..<3, using: &generator) == 0 {
            bytes.append(UInt8(ascii: "\""))
            for _ in 0..<length {
              let byte = quoted.randomElement(using: &generator)!
              bytes += byte == UInt8(ascii: "\"") ? [byte, byte] : [byte]
            }
            bytes.append(UInt8(ascii: "\""))
          } else {
            for _ in 0..<length { bytes.append(plain.randomElement(using: &generator)!) }
          }
        }
        bytes += [[0x0A], [0x0D, 0x0A], [0x0D]].randomElement(using: &generator)!
      }
      let expected = reference(bytes)
      #expect(expected != nil)
      for chunk in [1, 3, 7, 1 << 16] where fast(bytes, chunkSize: chunk) != expected {
        failures += 1
      }
    }
    #expect(failures == 0)
  }
}
