import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// The three palettes: each frame's colours as a snapshot at one lesson event, no red or
/// green in the colour-blind one, no colour at all in mono, and no state told by colour
/// alone in any.
struct ThemeTests {
    static func model(_ palette: Theme.Palette, _ scenario: String = "partial-stripe", at pick: (Timeline) -> Int?) throws -> DebuggerModel {
        let text = try #require(BundledScenarios.text(named: scenario))
        let t = Engine.run(try ScenarioParser.parse(text, name: "\(scenario).scn"))
        var m = DebuggerModel(timeline: t, width: 120, height: 40, at: try #require(pick(t)))
        m.theme = Theme(ascii: false, monochrome: false, palette: palette)
        return m
    }

    /// Where the write hole opens: written, read and parity marks, dirty and writeback pages.
    static let writeHole: @Sendable (Timeline) -> Int? = { t in (0..<t.count).first { WriteHoleTracker.mayChange($0, in: t) && $0 > 80 } }

    @Test(arguments: Theme.Palette.allCases)
    func snapshotPerTheme(palette: Theme.Palette) throws {
        let screen = try Self.model(palette, at: Self.writeHole).view()
        assertSnapshot(text: ANSIFrame.render(screen), named: "theme-\(palette.rawValue)-write-hole-120x40")
    }

    /// Frames of every bundled scenario at its first event, a violation if any, and its last.
    static func frames(_ palette: Theme.Palette) throws -> [Screen] {
        try BundledScenarios.all.prefix(12).flatMap { scenario in
            try [{ (_: Timeline) in 0 }, { t in (0..<t.count).first { t.event($0).kind == .violation } ?? t.count / 2 }, { t in t.count - 1 }]
                .map { try model(palette, scenario.name, at: $0).view() }
        }
    }

    static func colours(_ screens: [Screen]) -> Set<Color> {
        var colours: Set<Color> = []
        for screen in screens {
            for y in 0..<screen.height {
                for x in 0..<screen.width { colours.formUnion([screen[x, y].style.foreground, screen[x, y].style.background]) }
            }
        }
        return colours
    }

    @Test func colourblindUsesNoRedAndNoGreen() throws {
        let used = Self.colours(try Self.frames(.colorblind))
        #expect(!used.contains(.red) && !used.contains(.green), "\(used)")
        #expect(used.count > 3, "it is still a colour theme")
        let defaults = Self.colours(try Self.frames(.default))
        #expect(defaults.contains(.red) && defaults.contains(.green), "the default palette had the pair to replace")
    }

    @Test func monoUsesNoColour() throws {
        #expect(Self.colours(try Self.frames(.mono)) == [.default])
    }

    /// Every palette draws the same characters: colour never adds a state the glyphs lack.
    @Test func everyPaletteDrawsTheSameGlyphs() throws {
        let mono = try Self.frames(.mono).map(\.text)
        for palette in [Theme.Palette.default, .colorblind] {
            #expect(try Self.frames(palette).map(\.text) == mono, "\(palette)")
        }
    }

    /// Two page states or two stripe-map marks that look alike in glyph look alike in
    /// colour too: a state differs from another by its letter, never by colour alone.
    @Test(arguments: Theme.Palette.allCases)
    func noStateIsToldByColourAlone(palette: Theme.Palette) {
        let theme = Theme(ascii: false, monochrome: false, palette: palette)
        var pageStyles: [String: Style] = [:]
        for raw in 0..<32 {
            var page = Page()
            page.present = true
            page.flags = PageFlags(rawValue: UInt8(raw))
            let letters = Theme.letters(page)
            #expect(pageStyles[letters].map { $0 == theme.pageStyle(page) } ?? true, "\(letters) in two colours")
            pageStyles[letters] = theme.pageStyle(page)
        }
        typealias Mark = StripeMapPanel.Activity.Mark
        let marks: [Mark?] = [nil, .misplaced, .done] + [.write, .read, .parity].flatMap { [Mark.planned($0), .issued($0)] }
        var markStyles: [Character: Style] = [:]
        for mark in marks {
            let (glyph, style) = StripeMapPanel.glyph(mark, theme)
            #expect(markStyles[glyph].map { $0 == style } ?? true, "\(glyph) in two colours")
            markStyles[glyph] = style
        }
        #expect(markStyles.count == marks.count, "every mark has its own glyph")
    }
}
