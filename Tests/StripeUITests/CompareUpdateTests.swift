import Testing
import StripeCore
import StripeUI

/// The split screen's keys: Tab, stepping the focused world, `}` `{` `]` `[` in lockstep, `d` `D`.
struct CompareUpdateTests {
    static func model(_ name: String = "partial-stripe", _ commands: String = "set r4w=off") throws -> CompareModel {
        CompareModel(comparison: try CompareViewTests.comparison(name, commands), width: 160, height: 48)
    }

    @Test func steppingKeysMoveOnlyTheFocusedWorld() throws {
        var m = try Self.model()
        _ = m.update(.key(.right))
        _ = m.update(.key(.right))
        #expect(m.a.cursor == 2 && m.b.cursor == 0)
        _ = m.update(.key(.tab))
        #expect(m.focus == .b)
        _ = m.update(.key(.end))
        #expect(m.b.cursor == m.comparison!.b.count - 1 && m.a.cursor == 2)
        _ = m.update(.key(.character("h")))
        #expect(m.b.cursor == m.comparison!.b.count - 2)
    }

    @Test func bracesMoveBothWorldsByScenarioCommand() throws {
        var m = try Self.model()
        var lines: [String] = []
        for _ in 0..<4 {
            _ = m.update(.key(.character("}")))
            lines.append(m.message?.text ?? "")
        }
        // title, layout, B's spliced `set r4w=off` (A waits at its layout's last event), note, file.
        #expect(lines == ["both worlds at line 3: layout raid5 devices=4 stripe-unit=16K",
                          "both worlds at B's line 3: set r4w=off", "both worlds at line 4: note",
                          "both worlds at line 5: file size=96K"])
        #expect(m.comparison!.a.summary(of: m.a.cursor) == "line 5: file size=96K")
        #expect(m.comparison!.b.summary(of: m.b.cursor) == "line 5: file size=96K")
        _ = m.update(.key(.character("}")))
        _ = m.update(.key(.right))  // into the note event: `{` goes back to its command's start first
        #expect(m.comparison!.a.event(m.a.cursor).kind == .note)
        _ = m.update(.key(.character("{")))
        #expect(m.comparison!.a.summary(of: m.a.cursor) == "line 6: note")
        _ = m.update(.key(.character("{")))
        #expect(m.comparison!.a.summary(of: m.a.cursor) == "line 5: file size=96K")
        #expect(m.comparison!.b.summary(of: m.b.cursor) == "line 5: file size=96K")
    }

    @Test func dJumpsToEachDivergenceAndSaysWhatDiffers() throws {
        var m = try Self.model()
        _ = m.update(.key(.character("d")))
        #expect(m.a.cursor == 52 && m.b.cursor == 53)
        #expect(m.message?.text == "divergence 1/\(m.comparison!.divergences.count), line 14: A leaves page 9 present, no flags; B leaves page 5 UE")
        for _ in 1..<m.comparison!.divergences.count { _ = m.update(.key(.character("d"))) }
        _ = m.update(.key(.character("d")))
        #expect(m.message?.text == "no divergence after this point (D goes back)")
        for _ in 1..<m.comparison!.divergences.count { _ = m.update(.key(.character("D"))) }
        #expect(m.a.cursor == 52 && m.b.cursor == 53)
        var same = try Self.model("gap", "")
        _ = same.update(.key(.character("d")))
        #expect(same.message?.text == "the worlds never diverge")
    }

    @Test func notesMoveBothWorlds() throws {
        var m = try Self.model()
        _ = m.update(.key(.character("]")))
        #expect(m.comparison!.a.event(m.a.cursor).kind == .note)
        #expect(m.comparison!.b.event(m.b.cursor).kind == .note)
        #expect(m.comparison!.a.message(of: m.a.cursor) == m.comparison!.b.message(of: m.b.cursor))
    }

    @Test func quitAndResize() throws {
        var m = try Self.model()
        let resized = m.update(.resize(width: 100, height: 30))
        #expect(resized && m.view().width == 100 && m.a.width == 100)
        let goesOn = m.update(.key(.character("q")))
        #expect(!goesOn)
    }
}

/// The split screen reads its own map: a rebinding there moves the focused world, its
/// help lists its keys, and a key it lacks says where it acts.
struct SplitModeKeyTests {
    @Test func splitKeysComeFromTheSplitMap() throws {
        var m = try CompareUpdateTests.model()
        var keys = KeyMap.defaults
        keys.bind(.step, in: .split, to: [.character("x")])
        m.keys = keys
        _ = m.update(.key(.character("x")))
        #expect(m.a.cursor == 1)
        _ = m.update(.key(.right))
        #expect(m.a.cursor == 1)
        #expect(m.message?.text.contains("→ does nothing in split mode") == true)
        _ = m.update(.key(try #require(keys.keys(.help, in: .split).first)))
        let help = m.view().text
        #expect(help.contains("split screen keys") && help.contains("x ← h S") && help.contains("step the focused world"), "\(help)")
        #expect(m.keys.keyBar(.split, width: 200).hasPrefix("SPLIT  Tab world  x step"))
    }
}
