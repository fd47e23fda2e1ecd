import Foundation
import Testing

/// Names and texts from outside reach stdout and stderr escaped, and input that says
/// nothing or contradicts itself is bad input (SPEC 8).
struct HostileInputCLITests {
    static let good = "layout raid5 devices=4 stripe-unit=16K\nfile size=64K\nwrite 0..3\nwritepages sync\n"

    /// No byte a terminal would obey: C0 controls but the line ends, DEL, C1 characters,
    /// and no raw byte that is not UTF-8 (read back as U+FFFD).
    static func isSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n") || (0x7f...0x9f).contains(s.value) || s == "\u{FFFD}"
        }
    }

    /// (the file's name, how the message must show it)
    static let names: [(String, String)] = [
        ("red\u{1b}[31m.scn", "red\\e[31m.scn"),
        ("csi\u{9b}31m.scn", "csi\\x9b31m.scn"),
        ("cr\rreturn.scn", "cr^Mreturn.scn"),
        ("lf\nline.scn", "lf^Jline.scn"),
        ("bell\u{7}.scn", "bell^G.scn"),
    ]

    @Test(arguments: names)
    func hostileNamesAreEscapedOnStdoutAndStderr(name: String, shown: String) throws {
        let file = try Binary.scratch(Self.good, name: name)
        let bad = file.deletingLastPathComponent().appendingPathComponent("bad-" + name)
        try "layout raid5 devices=4 stripe-unit=16K\nwrite 5..\n".write(to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let ok = try Binary.run(["check", file.path])
        #expect(ok.status == 0)
        #expect(Self.isSafe(ok.stdout) && Self.isSafe(ok.stderr), "\(ok.stdout.debugDescription)")
        #expect(ok.stdout.contains(shown), "\(ok.stdout.debugDescription)")
        #expect(ok.stdout.split(separator: "\n").count == 1)
        for arguments in [["check", bad.path], ["render", bad.path], ["check", file.path + ".missing"], ["trace", file.path, "--output", file.path + "/x"]] {
            let r = try Binary.run(arguments)
            #expect(r.status == 2, "\(arguments)")
            #expect(Self.isSafe(r.stderr) && Self.isSafe(r.stdout), "\(r.stderr.debugDescription)")
            #expect(r.stderr.contains(shown), "\(r.stderr.debugDescription)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr.debugDescription)")
        }
    }

    /// A name that is not UTF-8 opens, and is shown byte by byte.
    @Test func nonUTF8NamesOpenAndAreShownEscaped() throws {
        let dir = try Binary.scratch(Self.good).deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = """
            cd '\(dir.path)' && f=$(printf 'bad\\377\\376.scn') && cp scenario.scn "$f" && \
            '\(Binary.path)' check "$f" && '\(Binary.path)' render "$f" --at end >/dev/null && \
            printf 'layout raid5\\n' > "$f" && '\(Binary.path)' check "$f"
            """
        let r = try Subprocess.run("/bin/sh", ["-c", script])
        #expect(r.stdout.hasPrefix("bad\\xff\\xfe.scn: every invariant holds"), "\(r.stdout.debugDescription)")
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("stripescope: bad\\xff\\xfe.scn:1:"), "\(r.stderr.debugDescription)")
        #expect(Self.isSafe(r.stdout) && Self.isSafe(r.stderr))
    }

    @Test(arguments: ["title Only a title\n", "note a note\ncheck\n", "profile seed\n", "title t\nnote n\nprofile final\ncheck\n"])
    func aScenarioWithoutALayoutIsBadInput(text: String) throws {
        let file = try Binary.scratch(text)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try Binary.run(["check", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("stripescope: \(file.path):1:1: no 'layout' line"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stdout.isEmpty)
    }

    /// A bad line is the one line a scenario gets, even when its layout line warns and the
    /// bad line is past what a stream opens with (`ScenarioLoader.openingBytes`): the
    /// warning is printed only for a scenario with no bad line.
    @Test func aLateBadLineIsTheOnlyLineEvenAfterAWarning() throws {
        let lines = (0..<2_000).map { "write \($0)\n" }.joined()
        let file = try Binary.scratch("layout raid0 devices=4 stripe-unit=16K group-depth=3\n" + lines + "write 3..1\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        for command in ["check", "trace", "render", "dump"] {
            let r = try Binary.run([command, file.path])
            #expect(r.status == 2, "\(command)")
            #expect(r.stderr.hasSuffix(":2002:7: page range 3..1 runs backwards; write the lower index first (1..3)\n"), "\(command): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(command): \(r.stderr)")
        }
    }

    @Test func contradictoryWordsAreBadInput() throws {
        let file = try Binary.scratch("layout raid5 devices=4 stripe-unit=16K\nfile size=64K\nwrite 0\nwritepages sync nosync\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try Binary.run(["check", file.path])
        #expect(r.status == 2)
        #expect(r.stderr == "stripescope: \(file.path):4:17: 'nosync' contradicts 'sync' at column 12; give one of them\n")
    }

    /// 100,000 combining marks are one character, not one excerpt character: the error line stays short.
    @Test func combiningMarksDoNotSlipPastTheExcerpt() throws {
        let token = "a" + String(repeating: "\u{301}", count: 100_000)
        let file = try Binary.scratch("layout raid5 devices=4 stripe-unit=16K\nwrite \(token)\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try Binary.run(["check", file.path])
        #expect(r.status == 2)
        #expect(r.stderr.utf8.count < 1024, "\(r.stderr.utf8.count) bytes")
        #expect(r.stderr.hasSuffix("…'\n"))
    }

    /// A title of a letter under combining marks near a megabyte: the frame stays a frame.
    @Test func aHugeTitleRendersABoundedFrame() throws {
        let title = "a" + String(repeating: "\u{301}", count: 400_000)
        let file = try Binary.scratch("title \(title)\nlayout raid5 devices=4 stripe-unit=16K\nfile size=16K\nwrite 0\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try Binary.run(["render", file.path, "--size", "80x24"])
        #expect(r.status == 0)
        #expect(r.stdout.utf8.count < 16 * 1024, "\(r.stdout.utf8.count) bytes")
    }
}
