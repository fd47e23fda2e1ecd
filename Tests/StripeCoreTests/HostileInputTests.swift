import Foundation
import Testing
@testable import StripeCore

/// Input that must not fool the parser (issue 12): other line endings, a BOM, control
/// characters, bytes that are not text, huge numbers and tokens. Every message names
/// file:line:col.
struct HostileInputTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/StripeAssets/scenarios").standardized

    static let bundledNames = ((try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? [])
        .filter { $0.hasSuffix(".scn") }.sorted()

    /// Loads `bytes` as the file `name`, the way the CLI does.
    static func load(_ bytes: [UInt8], name: String = "in.scn") throws -> Scenario {
        try ScenarioLoader.load(name, bundled: [:]) { _ in bytes }
    }

    static func loadError(_ bytes: [UInt8], name: String = "in.scn") -> String? {
        do {
            _ = try load(bytes, name: name)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theBundledScenariosAreThere() {
        #expect(Self.bundledNames.count >= 10)
    }

    /// A CRLF, CR-only or BOM copy of a bundled scenario parses to the same lines (numbers,
    /// text and commands) as the original, and so traces identically.
    @Test(arguments: bundledNames)
    func otherLineEndingsAndABOMReadTheSame(name: String) throws {
        let text = try String(contentsOf: Self.scenarios.appendingPathComponent(name), encoding: .utf8)
        let original = try Self.load(Array(text.utf8), name: name)
        #expect(original.lines.count > 2)
        for copy in [text.replacingOccurrences(of: "\n", with: "\r\n"), text.replacingOccurrences(of: "\n", with: "\r"), "\u{FEFF}" + text] {
            let parsed = try Self.load(Array(copy.utf8), name: name)
            #expect(parsed.lines == original.lines)
        }
    }

    /// Mixed endings count lines as an editor does: CR LF is one line end, LF CR two.
    @Test func mixedLineEndingsCountLines() throws {
        let s = try ScenarioParser.parse("layout raid0 devices=2 stripe-unit=4K\r\rwrite 1\n\rwrite 2\r\nwrite 3", name: "m.scn")
        #expect(s.lines.map(\.line) == [1, 3, 5, 6])
    }

    @Test func aBOMIsSkippedAndNotCounted() throws {
        let error = Self.loadError([0xEF, 0xBB, 0xBF] + Array("write 5..".utf8))
        #expect(error == "in.scn:1:7: expected a page range like 5 or 5..9, found '5..'")
    }

    @Test(arguments: [
        ("title hi\u{1B}]0;pwned\u{07}", "t.scn:1:9: control character U+001B (ESC) in title text; titles are plain text"),
        ("note a\u{9B}2J", "t.scn:1:7: control character U+009B (CSI) in note text; notes are plain text"),
        ("note tab\tis fine but DEL\u{7F} is not", "t.scn:1:25: control character U+007F (DEL) in note text; notes are plain text"),
        ("note hi # bell\u{07}", "t.scn:1:15: control character U+0007 (BEL); scenarios are plain text"),
        ("check # bell \u{07}", "t.scn:1:14: control character U+0007 (BEL); scenarios are plain text"),
        ("\u{0C}check", "t.scn:1:1: control character U+000C (FF); scenarios are plain text"),
        ("title\u{1B}", "t.scn:1:6: control character U+001B (ESC); scenarios are plain text"),
        ("check\n\nnote x\u{0}", "t.scn:3:7: control character U+0000 (NUL) in note text; notes are plain text"),
    ])
    func controlCharactersAreRejectedWhereTheyAre(input: String, message: String) {
        #expect(throws: ScenarioError.self) { try ScenarioParser.parse(input, name: "t.scn") }
        do {
            _ = try ScenarioParser.parse(input, name: "t.scn")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aNULByteNamesItsLineAndColumn() {
        let error = Self.loadError(Array("layout raid0 devices=2 stripe-unit=4K\r\nwr".utf8) + [0, 0xFF])
        #expect(error == "in.scn:2:3: NUL byte; this is a binary file, not a scenario (expected text commands, one per line)")
    }

    @Test func invalidUTF8NamesItsLineAndColumn() {
        // "é" is one column: columns count characters, as in every other message.
        let error = Self.loadError(Array("check\rnote caf\u{E9} ".utf8) + [0xC3, 0x28])
        #expect(error == "in.scn:2:11: invalid UTF-8 (byte 0xC3); a scenario is UTF-8 text")
        #expect(Self.loadError([0x80]) == "in.scn:1:1: invalid UTF-8 (byte 0x80); a scenario is UTF-8 text")
    }

    @Test(arguments: [
        ("layout raid0 devices=18446744073709551615 stripe-unit=4K", "n.scn:1:22: devices=18446744073709551615 is too large; at most 256"),
        ("layout raid0 devices=99999999999999999999999 stripe-unit=4K", "n.scn:1:22: devices=99999999999999999999999 is too large; at most 256"),
        ("layout raid0 devices=300 stripe-unit=4K", "n.scn:1:22: devices=300 is too large; at most 256"),
        ("complete 18446744073709551615", "n.scn:1:10: complete 18446744073709551615 is too large; at most 9223372036854775807"),
        ("layout raid0 devices=2 stripe-unit=4K\nwritepages nr=18446744073709551615", "n.scn:2:15: nr=18446744073709551615 is too large; at most 9223372036854775807"),
        ("set max-io-pages=18446744073709551615", "n.scn:1:18: max-io-pages=18446744073709551615 is too large; at most 1048576"),
        ("layout raid0 devices=2 stripe-unit=4K\nfile size=4K ino=18446744073709551615",
         "n.scn:2:18: ino=18446744073709551615 is too large; at most 18446744073709486079"),
    ])
    func largeNumbersAreTooLargeWithTheBound(input: String, message: String) {
        do {
            _ = try ScenarioParser.parse(input, name: "n.scn")
            Issue.record("parsed")
        } catch {
            #expect(error.description == message)
        }
    }

    /// The largest inode still has an object id.
    @Test func theLargestInodeIsAccepted() throws {
        // Object 0xFFFF_FFFF_FFFF_FFFF reads copy 0 of 3 (2^64 - 1 is a multiple of 3); ino 3's 0x10003, copy 1.
        #expect(try mirrorCopyRead(fileOptions: "ino=18446744073709486079", mirrors: 3) == 0)
        #expect(try mirrorCopyRead(fileOptions: "", mirrors: 3) == 1)
    }

    /// A 1 MB token comes back as a 40-character excerpt, wherever the message quotes it.
    @Test(arguments: ["write ", "frobnicate", "layout raid0 devices=", "set ", "layout raid0 devices=2 stripe-unit=4K\nwrite 1 "])
    func aLongTokenIsQuotedShort(prefix: String) {
        let token = String(repeating: "9x", count: 500_000)
        do {
            _ = try ScenarioParser.parse(prefix + token, name: "l.scn")
            Issue.record("parsed")
        } catch {
            // The excerpt keeps the message short; an unknown command's also lists every command.
            #expect(error.description.count < 360, "\(error.description.prefix(300))")
            #expect(error.description.contains("9x9x9x9x") && error.description.contains("x9…"))
        }
    }

    @Test func excerptsAreCutAtFortyCharacters() {
        #expect(String(repeating: "a", count: 40).quotedExcerpt == "'" + String(repeating: "a", count: 40) + "'")
        #expect(String(repeating: "a", count: 41).quotedExcerpt == "'" + String(repeating: "a", count: 39) + "…'")
    }

    @Test func aScenarioLargerThanTheBoundIsRefusedBeforeParsing() {
        let error = Self.loadError([UInt8](repeating: 0x23, count: Int(Limits.maxScenarioBytes) + 1), name: "big.scn")
        #expect(error == "big.scn: is 67108865 bytes; a scenario may be at most 64M (a page range like 'write 0..1023' does in one line what a line per page does)")
    }
}
