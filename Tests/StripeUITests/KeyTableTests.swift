import Foundation
import Testing
@testable import StripeUI

/// The key table is the one place keys are listed: the README, the help and the key bar
/// are made from it, and no key is bound twice.
struct KeyTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../README.md").standardized

    @Test func readmeKeySectionIsTheTable() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- keys: generated from Sources/StripeUI/Debugger/KeyTable.swift; a test keeps them equal -->\n"))
        let end = try #require(text.range(of: "\n<!-- end of keys -->", range: start.upperBound..<text.endIndex))
        #expect(String(text[start.upperBound..<end.lowerBound]) == KeyTable.markdown)
    }

    @Test func noKeyIsBoundTwice() {
        let keys = KeyTable.bindings.flatMap { $0.keys.map(\.key) }
        for (n, key) in keys.enumerated() {
            #expect(!keys[(n + 1)...].contains(key), "\(key) is in the table twice")
        }
    }

    @Test func everyActionHasAKey() {
        let bound = KeyTable.bindings.flatMap { $0.keys.map(\.action) }
        for action in KeyAction.allCases { #expect(bound.contains(action), "\(action)") }
    }

    @Test func theTerminalKeysAreInTheTable() {
        #expect(KeyTable.action(for: .control("z")) == .suspend)
        #expect(KeyTable.action(for: .control("l")) == .redraw)
        #expect(HelpOverlay.keys.contains { $0.keys == "^L ^Z" && $0.meaning == "redraw / suspend" })
    }

    @Test func keyBarIsTheTablesBarWords() {
        let bar = StatusPanel.keyBar(width: 500)
        #expect(bar == (KeyTable.bindings.compactMap(\.bar) + ["? help", "q quit"]).joined(separator: "  "))
    }
}
