import Foundation
import Testing
@testable import StripeCore
import StripeAssets

struct TraceFormatTests {
    func lines(_ write: ((String) -> Void) -> Void) -> [String] {
        var out: [String] = []
        write { out.append($0) }
        return out
    }

    @Test func chromeTraceParsesAndEveryTrackNests() throws {
        let t = try run(RandomScenario.make(seed: 7) + "\ncompletions manual\nwrite 0..9\nwritepages\ncomplete all")
        let text = lines(t.writeChromeTrace).joined()
        let events = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let complete = events.filter { $0["ph"] as? String == "X" }
        #expect(complete.count > 10)
        let byTrack = Dictionary(grouping: complete) { $0["tid"] as! Int }
        #expect(byTrack.keys.contains(1))
        #expect(byTrack.keys.contains { $0 >= 100 })
        for (tid, spans) in byTrack {
            // Sorted by start (longest first on ties), each span must end inside every open parent.
            let sorted = spans.map { ($0["ts"] as! Int, $0["ts"] as! Int + ($0["dur"] as! Int)) }
                .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 > $1.1 }
            var stack: [Int] = []
            for (start, end) in sorted {
                while let top = stack.last, top <= start { stack.removeLast() }
                if let top = stack.last { #expect(end <= top, "track \(tid): [\(start), \(end)) overlaps its parent ending at \(top)") }
                stack.append(end)
            }
        }
        let names = Set(events.filter { $0["ph"] as? String == "M" }.compactMap { ($0["args"] as? [String: Any])?["name"] as? String })
        #expect(names.contains("dev 0"))
        #expect(events.contains { $0["ph"] as? String == "C" && $0["name"] as? String == "pages" })
        #expect(events.contains { $0["ph"] as? String == "i" && ($0["name"] as? String ?? "").hasPrefix("get_page") })
    }

    @Test func textTraceOpensAndClosesTheWriteHoleWindow() throws {
        let t = try run("""
            layout raid5 devices=3 stripe-unit=4K
            file size=16K
            completions manual
            write 0
            writepages
            complete 1
            complete all
            """)
        let text = lines(t.writeTextTrace)
        let opens = try #require(text.firstIndex { $0.contains("write-hole window opens on stripe 0") })
        let closes = try #require(text.firstIndex { $0.contains("write-hole window closes on stripe 0") })
        #expect(opens < closes)
        #expect(text[opens - 1].contains("dev 0 write done"))
        // Requests name object pages; a parity-only request says so.
        #expect(text.contains { $0.hasSuffix("dev 1 read (r4w) object page 0") })
        #expect(text.contains { $0.hasSuffix("dev 2 write object page 0 (parity)") })
    }

    @Test func requestsNameTheirParityPages() throws {
        let t = try run("""
            layout raid5 devices=4 stripe-unit=8K
            file size=96K
            write 1..8
            writepages
            """)
        let text = lines(t.writeTextTrace)
        // Stripe 0 (pages 0..5) and stripe 1 (6..11) in one I/O: device 2 holds stripe 0's
        // data column 2 (object pages 0..1) and stripe 1's parity (object pages 2..3).
        #expect(text.contains { $0.hasSuffix("dev 2 write object pages 0..3 (parity 2..3)") }, "\(text.filter { $0.contains("dev 2 write") })")
    }

    /// Page 5 alone in a 3-column stripe of 2-page units (row 1 of column 2): md's RMW
    /// reads old page 5 and the old parity row (2 pages); r4w reads pages 1 and 3.
    @Test func summaryComparesReadModifyWrite() throws {
        let t = try run("""
            layout raid5 devices=4 stripe-unit=8K
            file size=48K
            write 5
            writepages
            """)
        let summary = TraceSummary(t)
        #expect(summary.counters.partialStripes == 1)
        #expect(summary.counters.rmwDevicePages == 2)
        #expect(summary.counters.r4wDevicePagesRead == 2)
        #expect(summary.writeAmplification == 2.0)
        #expect(summary.lines.contains("invariants: all hold"))
        #expect(summary.lines.contains("  dev 0: 1 pages read, 0 pages written, 1 requests"))
    }
}

/// Every bundled scenario runs, and its `check` result is the one it teaches.
struct BundledScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../assets/scenarios").standardizedFileURL
    /// The deliberate what-if failures and the rules they break.
    static let failing: [String: Set<UInt8>] = [
        "device-failure": [1, 2], "truncate-mid-stripe": [2], "r4w-off": [1],
        "group-split": [1, 6], "stranded-fsync": [1, 6], "raid0-placement-final": [1, 7], "raid5-placement": [1, 2, 7],
        "huge-unit": [1], "truncate-mirrors": [], "stripe-cut-seed": [1, 6], "raid0-groups-seed": [1, 7],
        "write-hole-real": [2], "raid6-powercut": [2], "md-write-hole-real": [2, 8], "md-resync": [2],
    ]
    /// Where a bundled scenario ends in a kernel bug on purpose.
    static let kernelBugs: [String: KernelFunction] = [
        "stranded-fsync": .wait_on_page_writeback, "truncate-mirrors": .ore_comp_dev, "raid0-groups-seed": ._sp2d_min_pg,
    ]

    /// The bundled scenarios, in lesson order.
    static let names = BundledScenarios.all.map(\.name)

    /// assets/scenarios holds exactly the bundled list: a lesson added to one and not the
    /// other fails here.
    @Test func theDirectoryIsTheBundledList() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".scn") }.map { String($0.dropLast(4)) }
        #expect(files.sorted() == Self.names.sorted())
        #expect(Set(Self.names).count == Self.names.count)
    }

    @Test(arguments: names)
    func checkResult(name: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent("\(name).scn"), encoding: .utf8)
        let t = try run(text, name: name)
        let rules = Set((0..<t.count).filter { t.event($0).kind == .violation }.map { t.event($0).a })
        #expect(rules == Self.failing[name, default: []])
        // The notes and claims right after the bug may follow it (SPEC 12).
        let bug = t.state(at: t.count - 1).kernelBug
        #expect(bug.flatMap(t.bugFunction) == Self.kernelBugs[name], "\(name) ends in the kernel bug it teaches, and no other")
        if let bug { #expect(((bug + 1)..<t.count).allSatisfy { [.command, .note, .claimFailed].contains(t.event($0).kind) }) }
        #expect(t.scenario.title != name, "every bundled scenario has a title")
        #expect((0..<t.count).contains { t.event($0).kind == .note }, "every bundled scenario teaches with notes")
        if Self.failing[name] != nil {
            #expect(text.contains("deliberate failure"), "a failing scenario says so")
        }
    }
}
