import EWA
import EWAIO
import EWASmooth
import Testing

@Suite struct DecaySpecTests {
  @Test func suffixesKeepTheTextAsWritten() throws {
    let cases: [(String, DecaySpec.Form, String)] = [
      ("0.90", .beta, "0.90"), ("0.1", .alpha, "alpha0.1"), ("10", .span, "span10"),
      ("9", .com, "com9"), ("6", .halflife, "hl6"),
    ]
    for (text, form, suffix) in cases {
      let specs = try DecaySpec.parseList(text, form: form, timed: false)
      #expect(specs.map(\.suffix) == [suffix])
    }
    let timed = try DecaySpec.parseList("6h, 1d", form: .halflife, timed: true)
    #expect(timed.map(\.suffix) == ["hl6h", "hl1d"])
    #expect(timed.map(\.decay.beta) == [0.5, 0.5])
    #expect(timed[0].timeHalflife == .nanoseconds(21_600_000_000_000))
  }

  @Test func decaysAreThoseOfDecay() throws {
    #expect(try DecaySpec.parseList("0.9", form: .beta, timed: false)[0].decay == Decay.beta(0.9))
    #expect(try DecaySpec.parseList("10", form: .span, timed: false)[0].decay == Decay.span(10))
    #expect(
      try DecaySpec.parseList("9", form: .com, timed: false)[0].decay == Decay.centerOfMass(9))
  }

  @Test func badListsAreUsageErrors() {
    #expect(throws: SmoothError.invalidOption("--beta 0.5,: an empty value in the list")) {
      try DecaySpec.parseList("0.5,", form: .beta, timed: false)
    }
    #expect(
      throws: SmoothError.invalidOption(
        "--halflife 0s is not a positive duration of at most 100000d (such as 90s, 30min, 6h, "
          + "4d) nor a positive number")
    ) {
      try DecaySpec.parseList("0s", form: .halflife, timed: true)
    }
    #expect(throws: SmoothError.self) { try DecaySpec.parseList("1.5", form: .alpha, timed: false) }
  }
}
