import EWAIO
import Testing

@Suite struct MissingCellTests {
  @Test func missingCellSpellings() {
    for text in ["", " ", "NA", "na", "NaN", "nan", "NULL", "null", "N/A", "n/a", "\\N", " \\N "] {
      var bytes = Array(text.utf8)
      #expect(bytes.withUnsafeMutableBufferPointer { MissingCell.isMissing(.init($0)) }, "\(text)")
    }
    for text in ["0", "N", "none", "NAN0", "-", "\\n", "\\", "N\\", "\\NA"] {
      var bytes = Array(text.utf8)
      #expect(!bytes.withUnsafeMutableBufferPointer { MissingCell.isMissing(.init($0)) }, "\(text)")
    }
  }
}
