import EWA
import EWAIO
import EWASmooth
import Testing

/// Inputs the fuzz targets (Tests/Fuzz) found, each kept as a regression test: every error they
/// raise is a categorized, one-line sentence.
@Suite struct FuzzFindingsTests {
  func expectOneLine(_ error: any Error) {
    let text = (error as? any CategorizedError)?.description ?? "not categorized"
    #expect(!text.contains("\n") && !text.contains("\r") && !text.contains("\u{07}"), "\(text)")
  }

  /// duration target: an option value with a NUL, a newline and a bell was printed raw.
  @Test func anOptionValueWithControlBytesIsEscaped() {
    let text = String(
      decoding: [0, 10, 7, 248, 255, 206, 0, 157, 190, 48] as [UInt8], as: UTF8.self)
    for form in DecaySpec.Form.allCases {
      for timed in [false, true] {
        #expect {
          try DecaySpec.parseList(text, form: form, timed: timed)
        } throws: { error in
          expectOneLine(error)
          return true
        }
      }
    }
  }

  /// csv target: a quoted header with a newline reached the "no column to smooth" message raw.
  @Test func aHeaderWithALineBreakIsEscapedInMessages() throws {
    let bytes: [UInt8] = [
      34, 83, 117, 98, 115, 116, 114, 105, 110, 103, 10, 48, 120, 34, 34, 121, 34, 44, 49, 101,
      129, 129, 129, 129, 129, 129, 1, 129, 129, 129, 129, 129, 129, 129, 129, 129, 129, 129, 129,
      129, 53, 13, 10, 44, 13, 10,
    ]
    var options = SmoothOptions(decays: try DecaySpec.parseList("0.5", form: .beta, timed: false))
    options.standardDeviation = true
    let smoother = Smoother(options: options, output: OutputBuffer(sink: MemorySink()))
    #expect {
      try smoother.process(name: "fuzz.csv", source: MemorySource(bytes, chunkSize: 7))
      try smoother.finish()
    } throws: { error in
      expectOneLine(error)
      return (error as? SmoothError)?.description.contains(#"among: "Substring\n0x"#) == true
    }
  }
}
