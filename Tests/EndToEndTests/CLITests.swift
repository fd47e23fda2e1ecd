import Foundation
import Testing

/// The command line as a user and other tools see it: stdout, stderr, exit status.
struct CLITests {
    static let kinds: Set<String> = ["command", "note", "call", "return", "page", "page_add", "page_remove", "r4w_get_page",
                                     "r4w_put_page", "dev_read", "dev_write", "io_done", "xor", "violation"]

    @Test func traceJsonlUsesTheSpecNames() throws {
        let r = try Binary.run(["trace", "cold-cache", "--format", "jsonl"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count > 50)
        for (n, line) in lines.enumerated() {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["seq"] as? Int == n)
            #expect(Self.kinds.contains(object["kind"] as? String ?? ""))
            #expect(object["depth"] is Int)
        }
        let gets = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["kind"] as? String == "r4w_get_page" }
        #expect(gets.map { $0["index"] as! Int } == [0, 1, 2, 3, 4, 7])
        #expect(gets.map { $0["source"] as! String } == ["cache", "cache", "cache", "cache", "created", "created"])
        let write = try #require(lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .first { $0["kind"] as? String == "dev_write" && $0["dev"] as? Int == 4 })
        #expect(write["extents"] as? [[Int]] == [[0, 8192]])
        #expect(write["parity_extents"] as? [[Int]] == [[0, 8192]])
    }

    @Test func traceTextAndSummary() throws {
        let text = try Binary.run(["trace", "partial-stripe"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("→ _read_4_write_last_stripe(stripe=0)"))
        let summary = try Binary.run(["trace", "reclaim-writepage", "--format", "summary"])
        #expect(summary.stdout.contains("write amplification: 1.67 device pages written per user page"))
        #expect(summary.stdout.contains("invariants: all hold"))
    }

    @Test func traceToAFile() throws {
        let dir = try Binary.scratch("", name: "unused").deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("t.json").path
        let r = try Binary.run(["trace", "gap", "--format", "chrome", "--output", out])
        #expect(r.status == 0 && r.stdout.isEmpty)
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        let parsed = try JSONSerialization.jsonObject(with: data) as? [Any]
        #expect(parsed?.isEmpty == false)
    }

    @Test func checkExitStatuses() throws {
        #expect(try Binary.run(["check", "partial-stripe"]).status == 0)
        let broken = try Binary.run(["check", "truncate-mid-stripe"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("invariant 2 (parity consistency) broken"))
        let bad = try Binary.scratch("layout raid5 devices=4 stripe-unit=16K\nwrite 5..\n")
        defer { try? FileManager.default.removeItem(at: bad.deletingLastPathComponent()) }
        let r = try Binary.run(["check", bad.path])
        #expect(r.status == 2)
        #expect(r.stderr == "stripescope: \(bad.path):2:7: expected a page range like 5 or 5..9, found '5..'\n")
        #expect(r.stdout.isEmpty)
    }

    @Test(arguments: [
        (["trace", "/no/such.scn"], "stripescope: /no/such.scn: no such file"),
        (["trace", "cold-cache", "--format", "xml"], "stripescope: "),
        (["render", "gap", "--at", "999999"], "stripescope: --at: expected an event number from 0 to"),
        (["render", "gap", "--size", "12by4"], "stripescope: --size: expected COLSxROWS"),
        (["layout", "--stripe-unit", "5000"], "stripescope: stripe-unit: must be a positive multiple of 4096 bytes (got 5000)"),
        (["layout", "--stripe-unit", "99999999999999999999G"], "stripescope: stripe-unit: 99999999999999999999G is too large"),
        (["layout", "--devices", "9", "--group-width", "3"], "stripescope: group-depth: is required"),
        (["layout", "--devices", "4", "--group-width", "4"], "stripescope: group-depth: is required with group-width=4"),
        (["layout", "--devices", "1"], "stripescope: devices: raid5 needs at least 2 devices (one data device at least; got 1)"),
        (["layout", "--raid", "raid6", "--devices", "4", "--group-width", "2", "--group-depth", "1"], "stripescope: group-width: raid6 needs a group width of at least 3"),
        (["layout", "--raid", "raid7"], "stripescope: raid: expected raid0, raid5 or raid6, found 'raid7'"),
        (["check", "/dev/null"], "stripescope: /dev/null: is a character device, not a scenario file"),
        (["check", "/"], "stripescope: /: is a directory, not a scenario file"),
        (["layout", "--pages", "9..3"], "stripescope: pages: expected N or A..B"),
        (["layout", "--group-width", "2", "--group-depth", "999999999999999999"], "stripescope: group-depth: must be at most 281474976710655"),
        (["frobnicate"], "stripescope: "),
    ])
    func badInputExitsTwoWithOneLine(arguments: [String], prefix: String) throws {
        let r = try Binary.run(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix(prefix), "stderr: \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stdout.isEmpty)
    }

    @Test func emptyAndBinaryScenarios() throws {
        let empty = try Binary.scratch("# nothing\n")
        defer { try? FileManager.default.removeItem(at: empty.deletingLastPathComponent()) }
        #expect(try Binary.run(["check", empty.path]).stderr.contains("is empty"))
        let binary = empty.deletingLastPathComponent().appendingPathComponent("b.scn")
        try Data([0x6c, 0x00, 0xff]).write(to: binary)
        let r = try Binary.run(["trace", binary.path])
        #expect(r.status == 2 && r.stderr.contains("binary file"))
    }

    /// A FIFO is named, never opened: reading it would wait for a writer.
    @Test func aFIFOIsNamedNotRead() throws {
        let dir = try Binary.scratch("", name: "unused").deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.scn").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let r = try Binary.run(["check", fifo])
        #expect(r.status == 2)
        #expect(r.stderr == "stripescope: \(fifo): is a named pipe (FIFO), not a scenario file\n")
    }

    /// RAID6 is accepted; a group depth without a width is ignored with the kernel's notice.
    @Test func layoutAcceptsRaid6AndWarnsOfAnIgnoredDepth() throws {
        let raid6 = try Binary.run(["layout", "--raid", "raid6", "--devices", "5", "--stripe-unit", "4K", "--format", "json", "--pages", "0..5"])
        #expect(raid6.status == 0 && raid6.stderr.isEmpty)
        // Stripe 0: P on dev 3, Q on dev 4; stripe 1 (pages 3..5): P on 1, Q on 2, data from dev 3.
        let pages = try #require(JSONSerialization.jsonObject(with: Data(raid6.stdout.utf8)) as? [[String: Any]])
        #expect(pages.map { [$0["dev"] as? Int, $0["parity_dev"] as? Int, $0["q_dev"] as? Int] }
                == [[0, 3, 4], [1, 3, 4], [2, 3, 4], [3, 1, 2], [4, 1, 2], [0, 1, 2]])
        let table = try Binary.run(["layout", "--raid", "raid6", "--devices", "4", "--stripe-unit", "4K"])
        #expect(table.stdout.contains("\ns0      D0 0  D1 1  P     Q\ns1      P     Q     D0 2  D1 3\n"))
        let depth = try Binary.run(["layout", "--group-depth", "3"])
        #expect(depth.status == 0)
        #expect(depth.stderr == "stripescope: warning: group-depth=3 ignored without group-width, as the kernel's \"group_depth ignored\" notice says; the one group is unbounded\n")
    }

    @Test func layoutJsonAndTable() throws {
        let r = try Binary.run(["layout", "--raid", "raid5", "--devices", "4", "--stripe-unit", "16K", "--pages", "0..13", "--format", "json"])
        #expect(r.status == 0)
        let pages = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(pages.count == 14)
        #expect(Set(pages[0].keys) == ["index", "dev", "obj_offset", "stripe", "group", "cycle", "parity_dev", "q_dev"])
        #expect(pages.allSatisfy { $0["q_dev"] is NSNull })
        #expect(pages[12]["dev"] as? Int == 3 && pages[12]["stripe"] as? Int == 1 && pages[12]["parity_dev"] as? Int == 2)
        #expect(pages[12]["obj_offset"] as? Int == 16384)
        let raid0 = try Binary.run(["layout", "--raid", "raid0", "--devices", "3", "--stripe-unit", "4K", "--pages", "4", "--format", "json"])
        #expect(raid0.stdout.contains("\"parity_dev\":null"))
        let table = try Binary.run(["layout"])
        #expect(table.stdout.contains("s1      D1 16-19  D2 20-23  P         D0 12-15"))
    }

    /// Eight devices of 16K fit 80 columns: the cells drop page ranges, keep first pages.
    @Test func layoutTableFitsEightyColumns() throws {
        let r = try Binary.run(["layout", "--devices", "8"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(r.stdout.contains("\ns7      P       D0 196  D1 200  D2 204  D3 208  D4 212  D5 216  D6 220\n"))
    }

    @Test func renderPrintsTheFrame() throws {
        let r = try Binary.run(["render", "partial-stripe", "--at", "end", "--size", "100x30"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 31)  // 30 rows and the final newline
        #expect(lines[0].contains("event 97/97"))
        let ascii = try Binary.run(["render", "gap", "--at", "40", "--ascii"])
        #expect(ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    }

    /// A frame smaller than the TUI's least is bad input: one line, exit 2, no frame.
    @Test func renderBelowEightyByTwentyFourExitsTwo() throws {
        let r = try Binary.run(["render", "partial-stripe", "--size", "60x20"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "stripescope: --size: the frame needs at least 80x24, found '60x20'\n")
    }

    /// Thirteen devices close the table's columns up and stay within 80 columns.
    @Test func layoutTableOfThirteenDevicesFitsEightyColumns() throws {
        let r = try Binary.run(["layout", "--devices", "13"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(r.stdout.contains("\ns0     D0  D1  D2  D3  D4  D5  D6  D7  D8  D9  D10 D11 P\n"))
    }

    /// Help says the default scenario once, and trace's help cites nothing outside the repo.
    @Test func helpTextsSayThingsOnceAndInRepo() throws {
        let tui = try Binary.run(["help", "tui"])
        #expect(tui.stdout.components(separatedBy: "default: partial-stripe").count == 2)
        let trace = try Binary.run(["help", "trace"])
        #expect(!trace.stdout.contains("SPEC"))
        #expect(trace.stdout.contains("seq, kind, depth"))
    }


    @Test func noTerminalSaysSo() throws {
        let r = try Binary.run([])
        #expect(r.status == 2)
        #expect(r.stderr.contains("must be a terminal"))
        #expect(r.stderr.contains("render"))
    }

    /// `-o` writes into the file it names: a symlink keeps pointing at its target (a
    /// rename over the path once turned /dev/null into a regular file when run as root).
    @Test func outputWritesInPlace() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("stripescope-out-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("target.txt").path
        let link = dir.appendingPathComponent("link.txt").path
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try Binary.run(["trace", "full-stripe", "--format", "summary", "-o", link])
        #expect(r.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("events"))
    }
}
