import EWAIO

/// Reads all records of `text` as decoded strings, with the reader fed `chunkSize` bytes at a time.
public func readRecords(_ text: String, chunkSize: Int = 1 << 16, delimiter: UInt8? = nil) throws
  -> [[String]]
{
  let reader = CSVReader(
    name: "test.csv", source: MemorySource(text, chunkSize: chunkSize), delimiter: delimiter,
    chunkSize: 16)
  var records: [[String]] = []
  while try reader.next() {
    records.append(reader.withRecord { record in (0..<record.count).map { record.text($0) } })
  }
  return records
}
