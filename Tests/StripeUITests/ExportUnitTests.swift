import Testing
@testable import StripeUI

struct ExportUnitTests {
    func screen() -> Screen {
        var s = Screen(width: 8, height: 2)
        s.put("a<b&", x: 0, y: 0, style: Style(.red, [.bold]))
        s.put("\"'", x: 4, y: 0)
        s.put("rev", x: 0, y: 1, style: Style(.green, on: .blue, [.reverse]))
        return s
    }

    @Test func ansiSelectsEachRunOnceAndResets() {
        let lines = ANSIFrame.lines(screen())
        #expect(lines[0] == "\u{1b}[0;1;31ma<b&\u{1b}[0m\"'")
        #expect(lines[1] == "\u{1b}[0;7;32;44mrev\u{1b}[0m")
        #expect(ANSIFrame.sgr(.plain) == "\u{1b}[0m")
    }

    @Test func svgMergesRunsEscapesAndDrawsBackgrounds() {
        let svg = SVGFrame.element(screen(), title: "t<1>")
        #expect(svg.contains("<title>t&lt;1&gt;</title>"))
        #expect(svg.contains(">a&lt;b&amp;</text>"))
        #expect(svg.contains(">&quot;&apos;  </text>"))
        // Reverse video: the green foreground becomes the background rectangle.
        #expect(svg.contains("fill=\"\(SVGFrame.hex(.green, isForeground: true))\"/><text"))
        #expect(svg.components(separatedBy: "<g class=\"row\"").count - 1 == 2)
        #expect(SVGFrame.runs(screen(), row: 0).map(\.text) == ["a<b&", "\"'  "])
    }

    @Test func htmlIsOneSpanPerRun() {
        let html = HTMLFrame.document(screen(), title: "x")
        #expect(html.contains("<span style=\"color:\(SVGFrame.hex(.red, isForeground: true));font-weight:bold\">a&lt;b&amp;</span>"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
    }
}
