import Testing

@testable import EWAPlot

@Suite struct GnuplotNumberTests {
  @Test func integersHaveNoFraction() {
    #expect(GnuplotNumber.format(3) == "3")
    #expect(GnuplotNumber.format(-0.0) == "0")
    #expect(GnuplotNumber.format(1_325_376_000) == "1325376000")
  }

  @Test func fractionsAreTheShortestRoundTrip() {
    #expect(GnuplotNumber.format(0.1) == "0.1")
    #expect(GnuplotNumber.format(1e-05) == "1e-05")
    #expect(GnuplotNumber.format(2.5e20) == "2.5e+20")
    for value in [0.1 + 0.2, 1 / 3.0, 12.345678901234567] {
      #expect(Double(GnuplotNumber.format(value)) == value)
    }
  }

  @Test func nonFiniteValuesAreMissing() {
    #expect(GnuplotNumber.format(.nan) == "NaN")
    #expect(GnuplotNumber.format(.infinity) == "NaN")
  }

  @Test func colorsAreHexWithTransparencyFirst() {
    #expect(Color(rgb: 0x0072B2).gnuplot == "'#0072B2'")
    #expect(Color(rgb: 0x00_0000).withTransparency(0x0A).gnuplot == "'#0A000000'")
    #expect(Color(rgb: 0x000000).lightened(0.5).gnuplot == "'#808080'")
    #expect(Color(rgb: 0x123456).lightened(1).gnuplot == "'#FFFFFF'")
    #expect(Color.series(Color.series.count) == Color.series(0))
  }
}
