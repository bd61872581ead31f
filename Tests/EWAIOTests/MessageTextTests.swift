import EWAIO
import EWATestSupport
import Testing

@Suite struct MessageTextTests {
  @Test func plainTextIsQuotedAsItIs() {
    #expect(MessageText.quoted("temp") == "\"temp\"")
    #expect(MessageText.quoted("Grad °C") == "\"Grad °C\"")
  }

  @Test(arguments: [
    ("a\nb", "\"a\\nb\""),
    ("a\rb", "\"a\\rb\""),
    ("a\u{1B}[31mb", "\"a\\u{1B}[31mb\""),
    ("\u{FEFF}temp", "\"\\u{FEFF}temp\""),
    ("te\u{200B}mp", "\"te\\u{200B}mp\""),
    ("a\u{202E}b", "\"a\\u{202E}b\""),
    ("a\u{7F}b", "\"a\\u{7F}b\""),
    ("a\u{85}b", "\"a\\u{85}b\""),
    ("say \"hi\"", "\"say \\\"hi\\\"\""),
    ("C:\\dir", "\"C:\\\\dir\""),
  ])
  func hiddenAndSpecialCharactersAreEscaped(text: String, shown: String) {
    #expect(MessageText.quoted(text) == shown)
  }

  @Test func invalidUTF8IsShownAsHexBytes() {
    #expect(MessageText.quoted(bytes: [0x61, 0xFF, 0x62]) == "\"a\\xFFb\"")
    // An overlong encoding of "/" and a lone continuation byte.
    #expect(MessageText.quoted(bytes: [0xC0, 0xAF, 0x80]) == "\"\\xC0\\xAF\\x80\"")
    // A truncated three-byte sequence at the end.
    #expect(MessageText.quoted(bytes: [0x61, 0xE2, 0x82]) == "\"a\\xE2\\x82\"")
    // A surrogate encoded in UTF-8 is invalid.
    #expect(MessageText.quoted(bytes: [0xED, 0xA0, 0x80]) == "\"\\xED\\xA0\\x80\"")
  }

  @Test func invalidBytesKeptInTextAreShownAsHex() {
    let text = MessageText.text(preserving: [0x31, 0xFF, 0x2E, 0xC3, 0xA9, 0xC0])
    #expect(MessageText.quoted(text) == "\"1\\xFF.é\\xC0\"")
    #expect(MessageText.inline(text) == "1\\xFF.é\\xC0")
  }

  @Test func longTextIsCutWithItsLength() {
    let long = String(repeating: "a", count: 5_000_000)
    let shown = MessageText.quoted(long)
    #expect(shown == "\"" + String(repeating: "a", count: 80) + "…\" (5000000 bytes)")
    #expect(MessageText.inline(long, limit: 3) == "aaa… (5000000 bytes)")
    #expect(MessageText.quoted(String(repeating: "b", count: 80)).count == 82)
  }

  @Test func theResultIsAlwaysOneLineOfPrintableText() {
    var generator = TestRandom(seed: 8)
    for _ in 0..<2000 {
      let bytes = (0..<Int(generator.next() % 40)).map { _ in
        UInt8(truncatingIfNeeded: generator.next())
      }
      let shown = MessageText.quoted(bytes: bytes)
      #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
      #expect(!shown.unicodeScalars.contains { $0 == "\u{FEFF}" || $0 == "\u{2028}" })
    }
  }
}
