import EWA
import EWAIO
import EWASmooth
import Foundation
import Testing

/// A state file is untrusted input: every field is checked on load, and a bad one is refused as
/// data (exit 65) with one line naming it.
@Suite struct StateFileValidationTests {
  /// A valid state: two groups, one column, one decay, with `--std`.
  static let valid = """
    {"format":"ewa-smooth-state","version":3,"columns":["v"],"decays":[{"form":"beta",\
    "text":"0.5","centerOfMass":1,"halflife":null}],"initial":"corrected","ignoreMissing":false,\
    "standardDeviation":true,"groupBy":"k","time":null,"groups":[
    ["a",null,2,[[2,null,[[2.3333333333333335,1.5,2,0.8888888888888888,1.5,1.25]]]]],
    ["b",null,1,[[1,null,[[2,1,1,0,1,1]]]]]
    ]}

    """

  /// A valid state with `--time` (instants) and two decays, without `--std`.
  static let timed = """
    {"format":"ewa-smooth-state","version":3,"columns":["v"],"decays":[{"form":"halflife",\
    "text":"1h","centerOfMass":1,"halflife":{"ns":3600000000000}},{"form":"halflife",\
    "text":"2h","centerOfMass":1,"halflife":{"ns":7200000000000}}],"initial":"corrected",\
    "ignoreMissing":true,"standardDeviation":false,"groupBy":null,"time":"t","groups":[
    [null,{"ns":1704067200000000000},1,[[1,{"ns":1704067200000000000},[[4,1,1],[4,1,1]]]]]
    ]}

    """

  func decode(_ text: String) throws(SmoothError) -> SmoothState {
    try SmoothState.decode(Array(text.utf8), path: "s.json")
  }

  @Test func validFilesDecodeAndRoundTrip() throws {
    for text in [Self.valid, Self.timed] {
      let state = try decode(text)
      #expect(String(decoding: state.encoded, as: UTF8.self) == text)
    }
    let state = try decode(Self.valid)
    #expect(state.groups.count == 2)
    #expect(state.groups[0].key == Array("a".utf8))
    #expect(state.groups[0].state.columns[0].tracks[0].average.corrected == 2.3333333333333335)
  }

  /// A replacement in ``valid`` (or ``timed``) and a text the message must contain.
  struct Mutation: CustomStringConvertible, Sendable {
    let from: String
    let to: String
    let expected: String
    var timed = false
    var description: String { "\(from) → \(to.prefix(40))" }
  }

  static let mutations: [Mutation] = [
    .init(from: "\"version\":3", to: "\"version\":4", expected: "format version 4"),
    .init(from: "\"version\":3", to: "\"version\":-2", expected: "version: \"-2\""),
    .init(
      from: "\"version\":3", to: "\"version\":9223372036854775807", expected: "version: "),
    .init(from: "\"format\":\"ewa-smooth-state\"", to: "\"format\":\"x\"", expected: "format: "),
    .init(
      from: "[[2,null,[[2.3", to: "[[9223372036854775807,null,[[2.3",
      expected: "groups.0.columns.0.observations: \"9223372036854775807\" is above the limit"),
    .init(
      from: "[[2,null,[[2.3", to: "[[-1,null,[[2.3", expected: "groups.0.columns.0.observations"),
    .init(
      from: "1.5,2,0.88", to: "1.5,9223372036854775807,0.88",
      expected: "groups.0.columns.0.tracks.0.count"),
    .init(from: "1.5,2,0.88", to: "1.5,3,0.88", expected: "groups.0.columns.0.tracks.0.count: 3"),
    .init(from: "1.5,2,0.88", to: "1.5,2.5,0.88", expected: "groups.0.columns.0.tracks.0.count"),
    .init(
      from: "335,1.5,2", to: "335,\"NaN\",2", expected: "groups.0.columns.0.tracks.0.weight"),
    .init(from: "335,1.5,2", to: "335,-1.5,2", expected: "groups.0.columns.0.tracks.0.weight"),
    .init(from: "335,1.5,2", to: "335,1e300,2", expected: "groups.0.columns.0.tracks.0.weight"),
    .init(
      from: "335,1.5,2", to: "335,1e999,2",
      expected: "tracks.0.weight: \"1e999\" is not a number in the range of a double"),
    .init(
      from: "2.3333333333333335,", to: "\"inf\",", expected: "groups.0.columns.0.tracks.0.average"),
    .init(
      from: "0.8888888888888888", to: "-1",
      expected: "groups.0.columns.0.tracks.0.biasedVariance"),
    .init(from: "1.5,1.25]", to: "-1.5,1.25]", expected: "groups.0.columns.0.tracks.0"),
    .init(from: "1.5,1.25]", to: "1.5,\"Infinity\"]", expected: "sumOfSquaredWeights"),
    .init(
      from: "[[2,1,1,0,1,1]]", to: "[[2,1,1]]",
      expected: "groups.1.columns.0.tracks.0 (6 values with --std)"),
    .init(
      from: "[[2,1,1,0,1,1]]", to: "[[2,1,1,0,1,1,7]]",
      expected: "groups.1.columns.0.tracks.0 (6 values with --std)"),
    .init(
      from: "[[2,1,1,0,1,1]]", to: "[]",
      expected: "groups.1.columns.0.tracks: 0 values, the state has 1 decays"),
    .init(
      from: "[[2,1,1,0,1,1]]", to: "[[2,1,1,0,1,1],[2,1,1,0,1,1]]",
      expected: "groups.1.columns.0.tracks: more than the state's 1 decays"),
    .init(
      from: "[[1,null,[[2,1,1,0,1,1]]]]", to: "[]",
      expected: "groups.1.columns: 0 values, the state has 1 columns"),
    .init(
      from: "[[1,null,[[2,1,1,0,1,1]]]]", to: "[[1,null,[[2,1,1,0,1,1]]],[1,null,[[2,1,1,0,1,1]]]]",
      expected: "groups.1.columns: more than the state's 1 columns"),
    .init(
      from: "[[1,null,[[2,1,1,0,1,1]]]]", to: "[[0,null,[[2,1,0,0,1,1]]]]",
      expected: "groups.1.columns.0.tracks.0.weight: 1 is out of range for 0 observations"),
    .init(
      from: "[\"b\",null,1,", to: "[\"b\",null,0,",
      expected: "groups.1.rows: 0 rows, fewer than the 1 observations of groups.1.columns.0"),
    .init(from: "[\"b\",null,1,", to: "[\"b\",null,-1,", expected: "groups.1.rows: "),
    .init(from: "[\"b\",", to: "[null,", expected: "groups.1.key: expected a string"),
    .init(
      from: "[\"b\",", to: "[[98,256],", expected: "groups.1.key.1: \"256\" is above the limit"),
    .init(from: "[\"b\",", to: "[\"\\ud800\",", expected: "groups.1.key: a lone surrogate"),
    .init(from: "[\"b\",null", to: "[\"b\",5", expected: "groups.1.lastTime: a time, but"),
    .init(
      from: "\"columns\":[\"v\"]", to: "\"columns\":[]", expected: "columns: the list is empty"),
    .init(
      from: "\"columns\":[\"v\"]", to: "\"columns\":[\"v\",\"w\"]",
      expected: "groups.0.columns: 1 values, the state has 2 columns"),
    .init(
      from: "\"columns\":[\"v\"]", to: "\"columns\":[[[[[[[[\"v\"]]]]]]]]",
      expected: "columns.0: expected a string"),
    .init(
      from: "\"columns\":[\"v\"]", to: "\"columns\":[\"v\"],\"columns\":[\"v\"]",
      expected: "the field \"columns\" appears twice"),
    .init(from: "\"columns\":[\"v\"],", to: "", expected: "\"columns\" is missing"),
    .init(
      from: "\"columns\":[\"v\"]", to: "\"columns\":[\"v\"],\"extra\":1",
      expected: "\"extra\" is not a field"),
    .init(
      from: "\"centerOfMass\":1,", to: "\"centerOfMass\":-1,",
      expected: "decays.0.centerOfMass: -1 is not a centre of mass"),
    .init(
      from: "\"centerOfMass\":1,", to: "\"centerOfMass\":1e300,",
      expected: "decays.0.centerOfMass: 1e+300 makes β round to 1"),
    .init(from: "\"form\":\"beta\"", to: "\"form\":\"gamma\"", expected: "decays.0.form"),
    .init(from: "\"text\":\"0.5\"", to: "\"text\":\"\"", expected: "decays.0.text"),
    .init(
      from: "\"decays\":[{", to: "\"decays\":[{\"x\":1,",
      expected: "\"decays.0.x\" is not a field of a decay"),
    .init(from: "\"decays\":[{", to: "\"decays\":[", expected: "decays.0: expected \"{\""),
    .init(from: "\"time\":null", to: "\"time\":\"t\"", expected: "decays.0.halflife: missing"),
    .init(from: "\"initial\":\"corrected\"", to: "\"initial\":\"x\"", expected: "initial: \"x\""),
    .init(
      from: "\"ignoreMissing\":false", to: "\"ignoreMissing\":0",
      expected: "ignoreMissing: expected true or false"),
    .init(from: "]}\n", to: "]}\n{}", expected: "there is text after the end"),
    .init(from: "]}\n", to: "],\"x\":1}", expected: "\"groups\" must be the last field"),
    .init(from: "]}\n", to: "", expected: "groups: the list is not closed"),
    .init(
      from: "{\"ns\":1704067200000000000},1,[[1", to: "12,1,[[1",
      expected: "groups.0.columns.0.lastObservedTime: an instant among numbers", timed: true),
    .init(
      from: "{\"ns\":1704067200000000000},1,[[1", to: "null,1,[[1",
      expected: "groups.0.lastTime: missing", timed: true),
    .init(
      from: "[[4,1,1],[4,1,1]]", to: "[[4,1,1]]",
      expected: "groups.0.columns.0.tracks: 1 values, the state has 2 decays", timed: true),
    .init(
      from: "[[4,1,1],[4,1,1]]", to: "[[4,1,1],[4,1,1,0,1,1]]",
      expected: "groups.0.columns.0.tracks.1 (3 values without --std)", timed: true),
    .init(
      from: "\"halflife\":{\"ns\":3600000000000}", to: "\"halflife\":{\"ns\":0}",
      expected: "decays.0.halflife.ns: 0 is not a positive duration", timed: true),
    .init(
      from: "\"initial\":\"corrected\"", to: "\"initial\":\"zero\"",
      expected: "initial: zero cannot be combined with a time column", timed: true),
  ]

  @Test(arguments: mutations)
  func mutationIsRefusedNamingTheField(_ mutation: Mutation) throws {
    let base = mutation.timed ? Self.timed : Self.valid
    #expect(base.contains(mutation.from))
    let text = base.replacingOccurrences(of: mutation.from, with: mutation.to)
    let error = #expect(throws: SmoothError.self) { try decode(text) }
    #expect(error?.kind == .data)
    #expect(error?.description.contains(mutation.expected) == true, "\(error?.description ?? "")")
    #expect(error?.description.contains("\n") == false)
  }

  @Test(arguments: [
    ("", "the file is empty"),
    ("\u{FF}\u{FE}garbage", "it is not an ewa state file"),
    (String(repeating: "[", count: 100_000), "it is not an ewa state file"),
    ("{" + String(repeating: "\"columns\":{", count: 100_000), "it is not an ewa state file"),
    ("{\n  \"columns\" : [\n    \"v\"\n  ],\n  \"version\" : 1\n}", "has format version 1"),
    ("{\"format\":\"ewa-smooth-state\",\"version\":3,\"columns\":[\"v\"", "columns: "),
    ("{\"format\":\"ewa-smooth-state\"}", "the field \"version\" must follow"),
  ])
  func malformedDocumentsAreRefused(text: String, expected: String) {
    let error = #expect(throws: SmoothError.self) { try decode(text) }
    #expect(error?.kind == .data)
    #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
  }

  @Test func truncatedFilesAreRefusedAtEveryLength() {
    let bytes = Array(Self.valid.utf8)
    for length in 0..<(bytes.count - 1) {
      let error = #expect(throws: SmoothError.self) {
        try SmoothState.decode(Array(bytes[..<length]), path: "s.json")
      }
      #expect(error?.kind == .data, "length \(length)")
    }
  }

  @Test func overflowedAveragesRoundTrip() throws {
    let text = Self.valid.replacingOccurrences(
      of: "2.3333333333333335,1.5,2,0.8888888888888888",
      with: "\"Infinity\",1.5,2,\"NaN\"")
    let state = try decode(text)
    #expect(state.groups[0].state.columns[0].tracks[0].average.corrected == .infinity)
    #expect(String(decoding: state.encoded, as: UTF8.self) == text)
  }

  @Test func keysThatAreNotUTF8RoundTrip() throws {
    let text = Self.valid.replacingOccurrences(of: "[\"b\",", with: "[[98,255,10],")
    let state = try decode(text)
    #expect(state.groups[1].key == [98, 255, 10])
    #expect(String(decoding: state.encoded, as: UTF8.self) == text)
  }

  @Test func aKeyTwiceIsRefusedOnResume() throws {
    let text = Self.valid.replacingOccurrences(of: "[\"b\",", with: "[\"a\",")
    let state = try decode(text)
    var options = SmoothOptions(decays: try DecaySpec.parseList("0.5", form: .beta, timed: false))
    options.groupBy = "k"
    options.standardDeviation = true
    let smoother = Smoother(options: options, output: OutputBuffer(sink: MemorySink()))
    smoother.resume(from: state, path: "s.json")
    let error = #expect(throws: SmoothError.self) {
      try smoother.process(name: "in", source: MemorySource("k,v\na,1\n"))
    }
    #expect(error?.description.contains("groups.1.key: \"a\" is the key of groups.0") == true)
  }
}

/// Random damage to a valid state file is refused or, if it still reads, resumes without a crash.
@Suite struct StateFileDamageTests {
  @Test func randomDamageIsRefusedOrResumesCleanly() throws {
    var generator = SplitMix(seed: 8)
    let base = Array(StateFileValidationTests.valid.utf8)
    var options = SmoothOptions(decays: try DecaySpec.parseList("0.5", form: .beta, timed: false))
    options.groupBy = "k"
    options.standardDeviation = true
    let alphabet = Array("0123456789-+.eE,[]{}\":nulltruefalse \n\\u\u{FF}".utf8)
    var read = 0
    for _ in 0..<3000 {
      var bytes = base
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        let at = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0: bytes[at] = alphabet.randomElement(using: &generator)!
        case 1: bytes.remove(at: at)
        default: bytes.insert(alphabet.randomElement(using: &generator)!, at: at)
        }
      }
      do {
        let state = try SmoothState.decode(bytes, path: "s.json")
        read += 1
        let smoother = Smoother(options: options, output: OutputBuffer(sink: MemorySink()))
        smoother.resume(from: state, path: "s.json")
        try? smoother.process(name: "in", source: MemorySource("k,v\na,1\nb,2\nz,3\n"))
        try? smoother.finish()
        if let final = smoother.finalState {
          #expect(try SmoothState.decode(final.encoded, path: "s.json") == final)
        }
      } catch {
        #expect(error.kind == .data, "\(error)")
        #expect(!error.description.contains("\n"))
      }
    }
    #expect(read > 0)
  }
}

/// SplitMix64, a small seeded generator for reproducible damage.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
