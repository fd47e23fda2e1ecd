import Testing
import StripeCore

/// Text from outside as messages show it: no control character raw, no byte that is not
/// UTF-8 raw, and an excerpt bounded in scalars and bytes whatever the characters.
struct TerminalSafeTests {
    @Test(arguments: [
        ("a\u{1b}[31mb", "a\\e[31mb"), ("\u{9b}31m", "\\x9b31m"), ("cr\rlf\n", "cr^Mlf^J"), ("del\u{7f}", "del^?"),
        ("tab\t", "tab^I"), ("nul\u{0}", "nul^@"), ("é ✓ 中", "é ✓ 中"),
    ])
    func controlCharactersAreShownNotSent(raw: String, shown: String) {
        #expect(raw.terminalSafe == shown)
    }

    @Test func bytesThatAreNotUTF8AreShownByteByByte() {
        #expect(TerminalSafe.escape([0x62, 0xff, 0xfe, 0x2e, 0xc3]) == "b\\xff\\xfe.\\xc3")
        #expect(TerminalSafe.escape([0xc0, 0xaf]) == "\\xc0\\xaf", "an overlong '/' is not a '/'")
        #expect(TerminalSafe.escape([0xed, 0xa0, 0x80]) == "\\xed\\xa0\\x80", "a surrogate is not UTF-8")
    }

    @Test func excerptsAreBoundedInScalarsAndBytes() {
        let marks = "a" + String(repeating: "\u{301}", count: 100_000)
        #expect(marks.count == 1, "one Character")
        #expect(marks.excerpt.unicodeScalars.count == 40)
        #expect(marks.excerpt.hasSuffix("…"))
        let wide = String(repeating: "中", count: 100)
        #expect(wide.excerpt.utf8.count <= 160)
        #expect(wide.excerpt.hasSuffix("…"))
        let escapes = String(repeating: "\u{1b}", count: 100)
        #expect(escapes.excerpt.utf8.count <= 160 && !escapes.excerpt.unicodeScalars.contains("\u{1b}"))
        #expect("short".excerpt == "short")
        #expect(String(repeating: "x", count: 40).excerpt == String(repeating: "x", count: 40), "40 fit")
        #expect(String(repeating: "x", count: 41).excerpt == String(repeating: "x", count: 39) + "…")
    }
}
