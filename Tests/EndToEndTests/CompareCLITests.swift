import Foundation
import Testing

/// `--compare` / `--compare-with` on the command line: SPEC 8's summary-json, the
/// summary for people, the split frame, and one-line errors with exit status 2.
struct CompareCLITests {
    static func summaryJSON(_ arguments: [String]) throws -> [String: Any] {
        let r = try Binary.run(["trace"] + arguments + ["--format", "summary-json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 1)
        return try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func summaryJSONHasTheSpecKeys() throws {
        let object = try Self.summaryJSON(["partial-stripe", "--compare", "set r4w=off"])
        #expect(Set(object.keys) == ["a", "b", "first_divergence"])
        let totals = ["events", "dev_pages_read", "dev_pages_written", "r4w_reads", "violations"]
        for world in ["a", "b"] {
            let figures = try #require(object[world] as? [String: Any])
            #expect(Set(figures.keys) == Set(totals))
            #expect(totals.allSatisfy { figures[$0] is Int })
        }
        #expect((object["a"] as? [String: Any])?["r4w_reads"] as? Int == 2)  // dev 2, object pages 1..2
        #expect((object["b"] as? [String: Any])?["dev_pages_written"] as? Int == 0)
        let d = try #require(object["first_divergence"] as? [String: Any])
        #expect(Set(d.keys) == ["a_event", "b_event", "line", "what"])
        #expect(d["a_event"] as? Int == 52 && d["b_event"] as? Int == 53 && d["line"] as? Int == 14)
        #expect(d["what"] as? String == "A leaves page 9 present, no flags; B leaves page 5 UE")
    }

    @Test func aScenarioComparedWithItselfHasNoDivergence() throws {
        let object = try Self.summaryJSON(["group-split", "--compare", ""])
        #expect(object["first_divergence"] is NSNull)
        #expect((object["a"] as? [String: Int]) == (object["b"] as? [String: Int]))
    }

    @Test func compareWithAnotherFile() throws {
        let other = try Binary.scratch("""
            profile final
            layout raid0 devices=4 stripe-unit=8K
            set placement=seed
            file size=128K
            write 3..9
            writepages sync
            check
            """)
        defer { try? FileManager.default.removeItem(at: other.deletingLastPathComponent()) }
        let object = try Self.summaryJSON(["raid0-placement-final", "--compare-with", other.path])
        let d = try #require(object["first_divergence"] as? [String: Any])
        #expect(d["what"] as? String == "A writes dev 0 object pages 0..1, B writes dev 0 object pages 2..3")
        #expect(d["line"] as? Int == 7)
    }

    @Test func summaryForPeople() throws {
        let r = try Binary.run(["trace", "group-split", "--compare", "set pump=loop", "--format", "summary"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("world B: group-split.scn with --compare 'set pump=loop'"))
        #expect(r.stdout.contains("violations                    4         0        -4"))
        #expect(r.stdout.contains("first divergence: A event 164, B event 165, line 7: B writes dev 0 object page 2; A does not"))
    }

    @Test func renderDrawsTheSplitFrame() throws {
        let r = try Binary.run(["render", "partial-stripe", "--compare", "set r4w=off", "--at", "end", "--size", "160x48"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 48)
        #expect(lines[0].contains("StripeScope compare") && lines[0].contains("--compare 'set r4w=off'"))
        #expect(lines[3].contains(" A ▶ event 97/97") && lines[3].contains(" B   event 70/71"))
    }

    @Test func recordPlaysBothWorlds() throws {
        let dir = try Binary.scratch("", name: "unused").deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("c.cast").path
        let r = try Binary.run(["record", "partial-stripe", "--compare", "set r4w=off", "-o", out, "--size", "160x48"])
        #expect(r.status == 0)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines[0].contains("compared with --compare 'set r4w=off'"))
        #expect(lines.filter { $0.contains(",\"o\",") }.count == 98)  // one frame per event of A
        #expect(lines.last?.contains("B event 70/71") == true)
    }

    @Test(arguments: [
        (["trace", "partial-stripe", "--compare", "set r4w=maybe", "--format", "summary-json"],
         "stripescope: --compare 'set r4w=maybe': column 9: expected 'on' or 'off' for r4w, found 'maybe'\n"),
        (["trace", "partial-stripe", "--compare", "set r4w=off"],
         "stripescope: --compare works with --format summary or summary-json; text traces one world\n"),
        (["trace", "partial-stripe", "--format", "summary-json"],
         "stripescope: --format summary-json compares two worlds; add --compare 'COMMANDS' or --compare-with FILE (or use --format summary)\n"),
        (["trace", "partial-stripe", "--compare", "", "--compare-with", "gap", "--format", "summary"],
         "stripescope: --compare and --compare-with: give one of them, not both\n"),
        (["trace", "partial-stripe", "--compare-with", "no-such-world", "--format", "summary"], nil),
        (["tui", "partial-stripe", "--compare", "bogus"], "stripescope: --compare 'bogus': column 1: unknown command 'bogus'; expected one of title, note, profile, layout, file, cache, write, write-bytes, read, writepages, fsync, evict, reclaim, truncate, completions, complete, fail, repair, set, check, write-path, resync, powercut, expect, ask\n"),
        (["record", "partial-stripe", "--compare-with", "gap", "--compare", "", "-o", "/dev/null"], "stripescope: --compare and --compare-with: give one of them, not both\n"),
    ] as [([String], String?)])
    func badInputIsOneLineAndExit2(arguments: [String], stderr: String?) throws {
        let r = try Binary.run(arguments)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("stripescope: ") && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        if let stderr { #expect(r.stderr == stderr) }
    }
}
