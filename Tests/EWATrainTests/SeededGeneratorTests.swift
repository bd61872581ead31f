import Foundation
import Testing

@testable import EWATrain

@Suite("Seeded generator")
struct SeededGeneratorTests {
  @Test func matchesTheSplitMix64ReferenceStream() {
    // The first outputs of SplitMix64 from seed 0 (Vigna's reference implementation).
    var g = SeededGenerator(seed: 0)
    #expect(g.next() == 0xE220_A839_7B1D_CDAF)
    #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test func shuffleIsAPermutationAndStateRoundTrips() throws {
    var g = SeededGenerator(seed: 42)
    var values = Array(0..<100)
    g.shuffle(&values)
    #expect(values.sorted() == Array(0..<100) && values != Array(0..<100))
    let data = try JSONEncoder().encode(g)
    var restored = try JSONDecoder().decode(SeededGenerator.self, from: data)
    #expect(restored.next() == g.next())
  }

  @Test func indexStaysBelowItsBound() {
    var g = SeededGenerator(seed: 9)
    #expect((0..<1000).allSatisfy { _ in (0..<7).contains(g.index(below: 7)) })
  }
}
