import EWAIO
import Testing

@Suite struct FieldDelimiterTests {
  @Test(
    arguments: [
      (",", 0x2C), (";", 0x3B), ("|", 0x7C), ("\t", 0x09), ("tab", 0x09), ("\\t", 0x09),
      ("comma", 0x2C), ("semicolon", 0x3B), ("pipe", 0x7C), ("space", 0x20), ("ctrl-a", 0x01),
      ("CTRL-A", 0x01), ("\\x01", 0x01), ("\\X1f", 0x1F), ("\\xfe", 0xFE), ("\\001", 0x01),
      ("\\011", 0x09), ("\\377", 0xFF), ("\\", 0x5C),
    ] as [(String, UInt8)])
  func namesAndEscapesGiveOneByte(text: String, byte: UInt8) throws {
    #expect(try FieldDelimiter.byte(text) == byte)
  }

  @Test(arguments: [
    "", "ab", "é", "tabs", "\\x1", "\\x123", "\\xZZ", "\\400", "\\08", "\\01", "\\n", "x\u{01}",
  ])
  func moreThanOneByteIsRefusedWithTheText(text: String) {
    #expect {
      try FieldDelimiter.byte(text)
    } throws: { error in
      let sentence = (error as? FieldDelimiter.Refusal)?.description ?? ""
      return sentence.hasPrefix("--delimiter must be one byte")
        && sentence.contains(MessageText.quoted(text))
    }
  }

  @Test(arguments: ["\"", "\n", "\r", "\\x22", "\\x0a", "\\x0D", "\\012", "\\042"])
  func quoteAndLineEndsAreRefused(text: String) {
    #expect {
      try FieldDelimiter.byte(text)
    } throws: { error in
      (error as? FieldDelimiter.Refusal)?.description.contains("cannot be the quote, CR or LF")
        == true
    }
  }
}
