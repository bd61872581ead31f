import EWAIO
import EWASmooth
import EWATestSupport
import Foundation
import Testing

@Suite("ewa smooth --describe: window, lag and roughness from the smoother's numbers")
struct SmoothDescriptionTests {
  /// The description of a one-column CSV of `values` under the `--beta` decays `betas`.
  static func describe(_ values: [Double], betas: String) throws -> [SmoothDescription.Row] {
    let csv = "x\n" + values.map { "\($0)" }.joined(separator: "\n") + "\n"
    let options = SmoothOptions(decays: try DecaySpec.parseList(betas, form: .beta, timed: false))
    let description = try SmoothDescription(options: options)
    try description.process(name: "sine.csv", source: MemorySource(Array(csv.utf8)))
    return try description.finish()
  }

  /// A sine of period 100 rows: the average of β trails it by the phase of its transfer
  /// function, `atan(β sin ω / (1 - β cos ω)) / ω` rows (8.07 for β = 0.9, 0.99 for β = 0.5).
  @Test func theLagOfASineIsThePhaseOfTheAverage() throws {
    let omega = 2 * Double.pi / 100
    let rows = try Self.describe((0..<2000).map { sin(omega * Double($0)) }, betas: "0.5,0.9")
    #expect(rows.map(\.decay) == ["raw", "0.5", "0.9"])
    #expect(rows.map(\.lag) == [nil, 1, 8])
    #expect(rows[2].correlation.map { $0 > 0.99 } == true)
    #expect(abs(rows[2].window! - 10) < 1e-12 && abs(rows[2].meanAge! - 9) < 1e-12)
    // mean |Δ| of the sine and of its corrected average, computed independently in Python.
    #expect(abs(rows[0].roughness! - 0.03998859903975554) < 1e-12)
    #expect(abs(rows[2].roughness! - 0.03418591025883815) < 1e-12)
  }

  @Test func roughnessOfAHandCountedSeries() throws {
    // β = 0.5, corrected (pandas adjust=True) on x = 1, 3, 1: V = 1, (3 + 0.5)/1.5 = 7/3,
    // (1 + 1.5 + 0.25)/1.75 = 11/7; |ΔV| = 4/3, 16/21, mean 22/21. The data's: |Δx| = 2, 2.
    let rows = try Self.describe([1, 3, 1], betas: "0.5")
    #expect(abs(rows[0].roughness! - 2) < 1e-15)
    #expect(abs(rows[1].roughness! - 22.0 / 21) < 1e-12)
  }

  @Test func groupsAndElapsedTimeAreRefused() throws {
    var options = SmoothOptions(decays: try DecaySpec.parseList("0.9", form: .beta, timed: false))
    options.groupBy = "g"
    #expect(throws: SmoothError.self) { try SmoothDescription(options: options) }
  }

  @Test func theSeattleTableEndToEnd() throws {
    let run = try ProcessRun(
      [
        "smooth", "--describe", "data/seattle-weather.csv", "--column", "temp_max", "--beta",
        "0.5,0.9,0.98",
      ], in: packageRoot, output: .capturedThroughPipe, error: .capturedThroughPipe
    ).run()
    #expect(run.status == 0, "\(run.stderrText)")
    // The lags and roughness agree with an independent Python computation of the same
    // definitions (pandas-style corrected average, Pearson correlation per shift).
    #expect(
      run.stdoutText == """
        column    decay  window  mean age  lag  correlation  roughness
        temp_max  raw         -         -    -            -     2.2248
        temp_max  0.5         2         1    0       0.9796     1.1652
        temp_max  0.9        10         9    2       0.9220     0.2757
        temp_max  0.98       50        49   39       0.8822     0.0939

        """)
    let grouped = try ProcessRun(
      ["smooth", "--describe", "data/seattle-weather.csv", "--group-by", "weather"],
      in: packageRoot, output: .capturedThroughPipe, error: .capturedThroughPipe
    ).run()
    #expect(grouped.status == 64)
    #expect(grouped.stderrText.contains("--describe measures one series per column"))
  }
}
