import EWAIO
import EWATestSupport
import Foundation
import Testing

@testable import EWATrain

/// The dataset reader reads RFC 4180 CSV through EWAIO's reader: quoted cells, CRLF line ends
/// and a byte order mark are accepted; what it refused before it still refuses, with the same
/// message.
@Suite struct CSVDatasetQuotingTests {
  /// Loads `text` written to a file of its own, and returns the dataset and the file's path.
  func load(_ text: String, label: String = "y") throws -> (Dataset, String) {
    let path = TemporaryFolder.temporaryPath("d.csv")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return (try CSVDataset.load(path: path, label: label), path)
  }

  /// The error loading `text` throws, and the file's path.
  func failure(_ text: String, label: String = "y") throws -> (TrainingError?, String) {
    let path = TemporaryFolder.temporaryPath("d.csv")
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    do {
      _ = try CSVDataset.load(path: path, label: label)
      return (nil, path)
    } catch {
      return (error, path)
    }
  }

  @Test func quotedCellsMayHoldCommasQuotesAndLineBreaks() throws {
    let (data, _) = try load(
      "\"a, the first\",\"y\"\n\"1.5\",\"cat, black\"\n2,\"dog \"\"rex\"\"\"\n3,\"a\nb\"\n")
    #expect(data.features == [1.5, 2, 3])
    #expect(data.classNames == ["a\nb", "cat, black", "dog \"rex\""])
    #expect(data.labels == [1, 2, 0])
  }

  @Test func crlfLineEndsAndAByteOrderMarkAreAccepted() throws {
    let (data, _) = try load("\u{FEFF}a,y\r\n1,0\r\n2,1\r\n\r\n")
    #expect(data.features == [1, 2])
    #expect(data.classNames == ["0", "1"])
  }

  @Test func aQuotedLineBreakKeepsTheLineNumbersOfWhatFollows() throws {
    let (error, path) = try failure("a,y\n1,\"x\ny\"\nz,1\n")
    #expect(
      error
        == .data(
          "\(path) line 4, column \"a\": \"z\" is not a number (every column but the label must be a numeric feature)."
        ))
  }

  @Test func anUnclosedQuoteIsRefusedWithItsLine() throws {
    let (error, path) = try failure("a,y\n1,0\n2,\"1\n")
    #expect(
      error
        == .data("\(path), line 3: a quoted field is not closed before the end of the input."))
  }

  @Test func textAfterAClosingQuoteIsRefusedWithItsField() throws {
    let (error, path) = try failure("a,y\n1,\"0\"x\n")
    #expect(error == .data("\(path), line 2, field 2: text follows the closing quote."))
    #expect(error?.kind == .data)
  }

  @Test func aRaggedRowIsStillRefusedWithItsLine() throws {
    let (error, path) = try failure("a,b,y\n1,2,0\n3,1\n")
    #expect(error == .data("\(path) line 3 has 2 fields; the header has 3."))
  }

  @Test func blankLinesAtTheEndAreIgnoredButNotInTheMiddle() throws {
    let (data, _) = try load("a,y\n1,0\n2,1\n\n\n")
    #expect(data.count == 2)
    let (error, path) = try failure("a,y\n1,0\n\n2,1\n")
    #expect(error == .data("\(path) line 3 has 1 fields; the header has 2."))
  }

  @Test func anEmptyFileAndAHeaderAloneAreStillRefused() throws {
    let (empty, emptyPath) = try failure("\n\n")
    #expect(empty == .data("\(emptyPath) is empty."))
    let (header, headerPath) = try failure("a,y\r\n")
    #expect(header == .data("\(headerPath) has a header but no rows."))
  }

  @Test func unquotedCellsLoseTheBlanksAroundThemQuotedOnesKeepThem() throws {
    let (data, _) = try load("a , y\n 1 , cat \n2,\" dog \"\n")
    #expect(data.features == [1, 2])
    // A label names its class without blanks, quoted or not.
    #expect(data.classNames == ["cat", "dog"])
    let (quoted, _) = try load("a,\" y \"\n1,0\n2,1\n", label: " y ")
    #expect(quoted.count == 2)
    let (error, path) = try failure("a,\" y \"\n1,0\n2,1\n")
    #expect(
      error == .usage("\(path) has no column \"y\" for --label; its columns are \"a\", \" y \"."))
  }
}
