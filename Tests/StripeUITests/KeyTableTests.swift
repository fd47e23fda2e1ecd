import Foundation
import Testing
@testable import StripeUI

/// The key table is the one place keys are listed: the README, the help and the key bar
/// are made from it, and no key is bound twice in a mode.
struct KeyTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../README.md").standardized

    @Test func readmeKeySectionIsTheTable() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- keys: generated from Sources/StripeUI/Debugger/KeyTable.swift; a test keeps them equal -->\n"))
        let end = try #require(text.range(of: "\n<!-- end of keys -->", range: start.upperBound..<text.endIndex))
        #expect(String(text[start.upperBound..<end.lowerBound]) == KeyTable.markdown)
    }

    @Test(arguments: KeyMode.allCases)
    func noKeyIsBoundTwiceInAMode(mode: KeyMode) {
        let keys = KeyMap.defaults.rows(mode).flatMap { $0.keys.map(\.key) }
        for (n, key) in keys.enumerated() {
            #expect(!keys[(n + 1)...].contains(key), "\(key) is in \(mode) twice")
        }
    }

    @Test func everyActionHasAKey() {
        let bound = KeyTable.rows.flatMap { $0.keys.map(\.action) }
        for action in KeyAction.allCases { #expect(bound.contains(action), "\(action)") }
    }

    @Test func theTerminalKeysAreInTheTable() {
        #expect(KeyMap.defaults.action(for: .control("z"), in: .normal) == .suspend)
        #expect(KeyMap.defaults.action(for: .control("l"), in: .normal) == .redraw)
        #expect(HelpOverlay.keys(.defaults, .normal).contains { $0.keys == "^L ^Z" && $0.meaning == "redraw / suspend" })
    }

    @Test func keyBarNamesTheModeThenTheBarWords() {
        let words = KeyMap.defaults.rows(.normal).compactMap { row in row.bar.map { "\(row.keys[0].key.shown) \($0)" } }
        let help = words.filter { $0.hasSuffix(" help") || $0.hasSuffix(" quit") }
        let bar = KeyMap.defaults.keyBar(.normal, width: 500)
        #expect(bar == (["NORMAL"] + words.filter { !help.contains($0) } + help).joined(separator: "  "))
    }

    /// The page cursor is normal mode with its own arrows: its help shows its rows first
    /// and normal mode's without the keys it takes.
    @Test func pageCursorShadowsNormalModesArrows() {
        let map = KeyMap.defaults
        #expect(map.action(for: .right, in: .pageCursor) == .cursorRight)
        #expect(map.action(for: .character("s"), in: .pageCursor) == .step)
        let rows = map.shownRows(.pageCursor)
        #expect(rows.first?.mode == .pageCursor)
        #expect(!rows.filter { $0.mode == .normal }.contains { $0.keys.contains { $0.key == .right } })
        #expect(rows.contains { $0.mode == .normal && $0.label == "s" && $0.help == "one event on, into calls" })
    }

    /// A binding replaces the action's keys and takes its keys from other actions.
    @Test func bindingReplacesTheDefaults() {
        var map = KeyMap.defaults
        map.bind(.step, in: .normal, to: [.pageDown, .character("x")])
        #expect(map.keys(.step, in: .normal) == [.pageDown, .character("x")])
        #expect(map.action(for: .right, in: .normal) == nil)
        #expect(map.action(for: .pageDown, in: .normal) == .step)
        #expect(map.keys(.pageDown, in: .normal).isEmpty)
        #expect(map.keyBar(.normal, width: 500).contains("PgDn step"))
        // Other modes keep their own.
        #expect(map.action(for: .right, in: .split) == .step)
    }

    @Test func unboundKeySaysWhereItActs() {
        let reason = KeyMap.defaults.unboundReason(.character("d"), in: .normal)
        #expect(reason.contains("d does nothing in normal mode"))
        #expect(reason.contains("in breakpoint list mode it is delete_breakpoint"))
        #expect(KeyMap.defaults.unboundReason(.character("~"), in: .normal).contains("no mode binds it"))
    }

    /// The hint after an unbound key names a key that shows the mode's keys there: the
    /// crash browser has no help key, so "? lists this mode's keys" was false in it; a
    /// rebound help key is the one named.
    @Test func unboundKeyHintIsTrueInEveryMode() {
        for mode in KeyMode.allCases {
            let reason = KeyMap.defaults.unboundReason(.character("~"), in: mode)
            if KeyMap.defaults.action(for: .character("?"), in: mode) == .help {
                #expect(reason.hasSuffix("; ? lists this mode's keys"), "\(mode)")
            } else {
                #expect(!reason.contains("? lists"), "\(mode): \(reason)")
            }
        }
        var map = KeyMap.defaults
        map.bind(.help, in: .normal, to: [.function(1)])
        #expect(map.unboundReason(.character("~"), in: .normal).hasSuffix("; F1 lists this mode's keys"))
    }

    @Test func keyNamesRoundTrip() {
        for row in KeyTable.rows {
            for entry in row.keys { #expect(Key(configName: entry.key.configName) == entry.key, "\(entry.key)") }
        }
        #expect(Key(configName: "<C-n>") == .control("n"))
        #expect(Key(configName: "pagedown") == .pageDown)
        #expect(Key(configName: "F13") == nil)
        #expect(Key(configName: "ab") == nil)
    }
}
