import EWAIO
import EWASmooth
import Testing

@Suite struct GroupTableTests {
  func index(_ table: inout GroupTable, _ key: String) -> (Int, Bool) {
    var bytes = Array(key.utf8)
    return bytes.withUnsafeMutableBufferPointer { table.index(of: UnsafeBufferPointer($0)) }
  }

  @Test func keysGetDenseIndicesInOrderOfFirstAppearance() {
    var table = GroupTable()
    #expect(index(&table, "b") == (0, true))
    #expect(index(&table, "a") == (1, true))
    #expect(index(&table, "b") == (0, false))
    #expect(index(&table, "") == (2, true))
    #expect(index(&table, "") == (2, false))
    #expect(table.keys == [Array("b".utf8), Array("a".utf8), []])
  }

  @Test func manyKeysSurviveGrowth() {
    var table = GroupTable()
    for round in 0..<2 {
      for k in 0..<5000 { #expect(index(&table, "sensor-\(k)") == (k, round == 0)) }
    }
    #expect(table.keys.count == 5000)
  }
}
