import EWAIO
import EWASmooth
import EWATestSupport
import Foundation
import Testing

@Suite struct SmoothStateTests {
  /// A random log: interleaved groups, missing cells, irregular hours, sometimes a repeated time.
  func randomLog(rows: Int, using generator: inout some RandomNumberGenerator) -> [String] {
    var hour = [0, 0, 0]
    return (0..<rows).map { _ in
      let group = Int.random(in: 0..<3, using: &generator)
      hour[group] += Int.random(in: 0...5, using: &generator)
      let value =
        Bool.random(using: &generator) && Int.random(in: 0..<4, using: &generator) == 0
        ? "" : String(Double(Int.random(in: -500...500, using: &generator)) / 10)
      let day = 1 + hour[group] / 24
      let (d, h) = (day < 10 ? "0\(day)" : "\(day)", hour[group] % 24)
      let time = "2024-01-\(d)T\(h < 10 ? "0" : "")\(h):00"
      return "\(time),g\(group),\(value),\(Int.random(in: 0...9, using: &generator))\n"
    }
  }

  /// Smooths `parts` one after the other, saving and reloading the state (through the file's
  /// bytes) between.
  func smoothInParts(_ parts: [String], options: SmoothOptions) throws -> String {
    var saved: SmoothState?
    var output = ""
    for (index, part) in parts.enumerated() {
      let sink = MemorySink()
      let smoother = Smoother(options: options, output: OutputBuffer(sink: sink, capacity: 128))
      if let saved {
        let decoded = try SmoothState.decode(saved.encoded, path: "s.json")
        #expect(decoded == saved)
        smoother.resume(from: decoded, path: "s.json")
      }
      try smoother.process(name: "part\(index)", source: MemorySource(part, chunkSize: 37))
      try smoother.finish()
      saved = smoother.finalState
      output += String(sink.text.drop { $0 != "\n" }.dropFirst())  // the rows, not the header
    }
    return output
  }

  @Test(arguments: SmoothOptions.Initial.allCases)
  func resumingEqualsOnePassForRandomSplits(initial: SmoothOptions.Initial) throws {
    var generator = SystemRandomNumberGenerator()
    let header = "at,sensor,temp,n\n"
    for trial in 0..<30 {
      let rows = randomLog(rows: 200, using: &generator)
      let timed = initial != .zero && trial % 2 == 0
      var options = SmoothOptions(
        decays: timed
          ? try DecaySpec.parseList("6h,1d", form: .halflife, timed: true)
          : try DecaySpec.parseList("0.5,0.9,0.98", form: .beta, timed: false))
      options.initial = initial
      options.groupBy = "sensor"
      options.columns = ["temp", "n"]
      options.time = timed ? "at" : nil
      options.ignoreMissing = trial % 3 == 0
      options.standardDeviation = true
      options.minPeriods = trial % 4
      try options.validate()
      let whole = try smoothInParts([header + rows.joined()], options: options)
      var cuts = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
        Int.random(in: 0...rows.count, using: &generator)
      }
      cuts = [0] + cuts.sorted() + [rows.count]
      let parts = zip(cuts, cuts.dropFirst()).map { header + rows[$0..<$1].joined() }
      #expect(try smoothInParts(parts, options: options) == whole, "cuts \(cuts)")
    }
  }

  @Test(arguments: [0.0, 0.5, 0.9, 0.98])
  func correctedConstantSeriesIsTheConstantFromTheFirstRow(beta: Double) throws {
    let options = try options(beta: String(beta)) {
      $0.groupBy = "k"; $0.columns = ["v"]
    }
    var input = "k,v\n"
    for i in 0..<300 { input += i % 2 == 0 ? "a,3.7\n" : (i % 7 == 0 ? "b,\n" : "b,-0.1\n") }
    let records = try readRecords(try smoothText([input], options: options))
    for record in records.dropFirst() {
      #expect(record[2] == (record[1].isEmpty ? "" : record[1]), "\(record)")
    }
  }
}
