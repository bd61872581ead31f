import Foundation
import Testing

@testable import EWAPlot

/// Enhanced text (`V_{t}`, `β^{t}`) where the library asks for it, and only there: every other
/// text stays `noenhanced`, and text from input put inside markup prints as typed.
@Suite struct MarkupTextTests {
  @Test func aMarkupLiteralEscapesEveryMarkupCharacter() {
    #expect(
      GnuplotText.markupLiteral("x_1^2 {a} @b &c ~d \\e") == #"x\_1\^2 \{a\} \@b \&c \~d \\e"#)
    #expect(GnuplotText.markupLiteral("β = 0.9") == "β = 0.9")
  }

  @Test func onlyAFigureWithMarkupTurnsEnhancedTextOn() {
    var figure = SampleFigures.schedule
    let plain = GnuplotScript.render(figure, terminal: .png, output: "s.png")
    #expect(plain.contains("pngcairo size 1200,700 noenhanced"))
    figure.titleMarkup = "from α_{0} = 0.1"
    figure.title = "from α0 = 0.1"
    let marked = GnuplotScript.render(figure, terminal: .svg, output: "s.svg")
    #expect(marked.contains("set terminal svg size 1200,700 enhanced"))
    #expect(marked.contains("set title 'from α_{0} = 0.1' enhanced\n"))
    // Every other text is still written noenhanced.
    #expect(marked.contains("set xlabel 'epoch' noenhanced\n"))
    #expect(!marked.contains("' enhanced,") && !marked.contains("' enhanced \\"))
    // A text chart has no enhanced text: it shows the plain title.
    let text = GnuplotScript.render(figure, terminal: .dumb(columns: 80, rows: 24), output: nil)
    #expect(text.contains("set terminal dumb size 80,24 noenhanced\n"))
    #expect(text.contains("set title 'from α0 = 0.1' noenhanced\n"))
  }

  @Test func theUncorrectedLegendUsesASubscriptAndKeepsTheDecayLiteral() {
    let figure = Figure.smooth(
      column: "v", x: [1, 2], values: [1, 2],
      curves: [SmoothCurve(label: "span_2^x", values: [1, 2], uncorrected: [0.5, 1.5])])
    let script = GnuplotScript.render(figure, terminal: .png, output: "s.png")
    #expect(script.contains(#"title 'span\_2\^x, uncorrected (V_{0} = 0)' enhanced"#))
    #expect(script.contains("title 'span_2^x' noenhanced"))
    // The dots are named by the y label; the legend is a column per decay.
    #expect(script.contains("with points pt 7 ps 0.5 lc rgb '#9A9A9A' notitle"))
    #expect(script.contains("set key below maxrows 1 box opaque height 1\n"))
  }
}
