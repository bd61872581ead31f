import EWAIO
import EWASmooth
import Foundation
import Testing

@Suite struct SmootherTests {
  @Test func columnsAreChosenByTheirFirstNonMissingValue() throws {
    // b is text, c's first value comes on the third row: a and c are smoothed, rows keep order.
    let output = try smoothText(["a,b,c\n,x,\n1,y,NA\n2,z,5\n"], options: try options(beta: "0.5"))
    #expect(output == "a,b,c,a_ewa_0.5,c_ewa_0.5\n,x,,,\n1,y,NA,1,\n2,z,5,1.6666666666666667,5\n")
  }

  @Test func noTextColumnToSmoothIsAUsageError() throws {
    #expect(throws: SmoothError.noColumnToSmooth(available: ["a", "b"])) {
      try smoothText(["a,b\nx,y\n"], options: try options(beta: "0.5"))
    }
  }

  @Test func noHeaderNamesColumnsByIndex() throws {
    let opts = try options(beta: "0.5") {
      $0.hasHeader = false
      $0.columns = ["2"]
    }
    #expect(try smoothText(["x,1\ny,3\n"], options: opts) == "x,1,1\ny,3,2.3333333333333335\n")
  }

  @Test func laterFilesMayRepeatTheHeader() throws {
    let opts = try options(beta: "0.5")
    #expect(
      try smoothText(["v\n1\n", "v\n3\n"], options: opts)
        == "v,v_ewa_0.5\n1,1\n3,2.3333333333333335\n")
    #expect(throws: SmoothError.headerMismatch(file: "input2.csv", expected: "v", found: "w")) {
      try smoothText(["v\n1\n", "w\n3\n"], options: opts)
    }
  }

  @Test func blankLinesAreSkippedAndTheDelimiterCanBeGiven() throws {
    let opts = try options(beta: "0.5") { $0.delimiter = UInt8(ascii: "|") }
    #expect(
      try smoothText(["a|b\n\n1|2\n\n"], options: opts) == "a|b|a_ewa_0.5|b_ewa_0.5\n1|2|1|2\n")
  }

  @Test func timeDecayByRowsAndByObservations() throws {
    // halflife 1 day; x at day 0 = 0, day 1 missing, day 2 = 4.
    // Default: the gap's time counts like any other: weights 1/4 and 1 → 4/1.25 = 3.2.
    // --ignore-na: elapsed from the last observation (2 days): the same 3.2 here, and the same
    // result as deleting the missing row; pandas would use only the last row's 1 day (weights
    // 1/2 and 1 → 2.666…), which we do not copy.
    let input = "d,x\n2024-01-01,0\n2024-01-02,\n2024-01-03,4\n"
    for ignore in [false, true] {
      var opts = SmoothOptions(decays: try DecaySpec.parseList("1d", form: .halflife, timed: true))
      opts.time = "d"
      opts.ignoreMissing = ignore
      try opts.validate()
      #expect(
        try smoothText([input], options: opts)
          == "d,x,x_ewa_hl1d\n2024-01-01,0,0\n2024-01-02,,\n2024-01-03,4,3.2\n")
    }
  }

  @Test func numericTimesUseTheirOwnUnitOrSecondsWithAUnit() throws {
    for (halflife, expected) in [("2", "3.2"), ("2s", "3.2"), ("1s", "3.764705882352941")] {
      var opts = SmoothOptions(
        decays: try DecaySpec.parseList(halflife, form: .halflife, timed: true))
      opts.time = "t"
      try opts.validate()
      let output = try smoothText(["t,x\n0,0\n4,4\n"], options: opts)
      #expect(output.hasSuffix("4,4,\(expected)\n"), "\(halflife): \(output)")
    }
  }

  @Test func plainHalflifeWithDatesAsksForAUnit() throws {
    var opts = SmoothOptions(decays: try DecaySpec.parseList("4", form: .halflife, timed: true))
    opts.time = "d"
    #expect(
      throws: SmoothError.invalidOption(
        "--halflife 4 has no unit, but column \"d\" holds dates; give a unit, as in 4d or 6h")
    ) {
      try smoothText(["d,x\n2024-01-01,1\n2024-01-02,2\n"], options: opts)
    }
  }

  @Test func initZeroWithTimeIsRefused() throws {
    var opts = SmoothOptions(decays: try DecaySpec.parseList("1d", form: .halflife, timed: true))
    opts.time = "d"
    opts.initial = .zero
    #expect(throws: SmoothError.self) { try opts.validate() }
  }

  @Test func timesMustNotMixDatesAndNumbers() throws {
    var opts = SmoothOptions(decays: try DecaySpec.parseList("1d", form: .halflife, timed: true))
    opts.time = "d"
    #expect(throws: SmoothError.badTimestamp(file: "input1.csv", line: 3, column: "d", text: "5")) {
      try smoothText(["d,x\n2024-01-01,1\n5,2\n"], options: opts)
    }
  }

  @Test func stdFollowsTheMean() throws {
    // pandas: Series([1, 3]).ewm(alpha=0.5).std() = [NaN, 1.4142135623730951]
    let opts = try options(beta: "0.5") { $0.standardDeviation = true }
    #expect(
      try smoothText(["x\n1\n3\n"], options: opts)
        == "x,x_ewa_0.5,x_ewstd_0.5\n1,1,\n3,2.3333333333333335,1.4142135623730951\n")
  }
}
