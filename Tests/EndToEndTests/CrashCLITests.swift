import Foundation
import Testing

/// `stripescope crash` checked from outside: every crash state recomputed from
/// `dump --at N` (devices and the writes in flight with their tokens) and `layout
/// --format json` (where pages and parity live), with XOR written here, must equal
/// `crash --format json`.
struct CrashCLITests {
    static let scenarios: [(name: String, text: String, layout: [String])] = [
        ("one", """
            layout raid5 devices=3 stripe-unit=4K
            file size=16K
            completions manual
            write 0
            writepages
            complete 1
            """, ["--raid", "raid5", "--devices", "3", "--stripe-unit", "4K"]),
        ("three", """
            layout raid5 devices=3 stripe-unit=4K
            file size=16K
            completions manual
            write 0
            write 2
            writepages
            complete 1
            """, ["--raid", "raid5", "--devices", "3", "--stripe-unit", "4K"]),
        ("wide", """
            layout raid5 devices=5 stripe-unit=8K
            file size=96K
            completions manual
            write 1..2
            write 9
            write 13..14
            writepages
            """, ["--raid", "raid5", "--devices", "5", "--stripe-unit", "8K"]),
    ]

    func json(_ args: [String]) throws -> Any {
        let r = try Binary.run(args)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    @Test(arguments: [("one", "request"), ("three", "request"), ("wide", "request"), ("wide", "page"), ("three", "page")])
    func recomputedFromDumpEqualsCrash(name: String, granularity: String) throws {
        let scenario = Self.scenarios.first { $0.name == name }!
        let file = try Binary.scratch(scenario.text, name: "\(name).scn")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let dump = try #require(try json(["dump", file.path, "--at", "end"]) as? [String: Any])
        let crash = try #require(try json(["crash", file.path, "--at", "end", "--format", "json", "--granularity", granularity]) as? [String: Any])
        let iSize = dump["i_size"] as! Int
        let map = try #require(try json(["layout"] + scenario.layout + ["--pages", "0..\(iSize / 4096 + 64)", "--format", "json"]) as? [[String: Any]])

        var disk: [[Int]: UInt64] = [:]
        for device in dump["devices"] as! [[String: Any]] {
            for page in device["pages"] as! [[String: Any]] {
                disk[[device["dev"] as! Int, page["obj_page"] as! Int]] = UInt64(page["token"] as! String, radix: 16)!
            }
        }
        let writes = (dump["in_flight"] as! [[String: Any]]).filter { $0["op"] as? String == "write" }
            .sorted { ($0["id"] as! Int) < ($1["id"] as! Int) }
        #expect((crash["in_flight"] as! [[String: Any]]).map { $0["id"] as! Int } == writes.map { $0["id"] as! Int })
        let pageCounts = writes.map { ($0["pages"] as! [Any]).count }
        let expectedStates = granularity == "request" ? 1 << writes.count : pageCounts.reduce(1) { $0 * ($1 + 1) }
        let states = crash["states"] as! [[String: Any]]
        #expect(states.count == expectedStates)
        #expect(crash["total_states"] as? Int == expectedStates, "total_states is a JSON number")
        #expect(writes.count >= 1)

        let devices = (dump["devices"] as! [Any]).count
        let pagesPerUnit = Int(scenario.layout[5].dropLast())! / 4
        let filePages = (iSize + 4095) / 4096
        let dataDevices = devices - 1
        let stripes = (filePages + pagesPerUnit * dataDevices - 1) / (pagesPerUnit * dataDevices)
        let pages = map.prefix(stripes * pagesPerUnit * dataDevices).map { entry in
            (index: entry["index"] as! Int, dev: entry["dev"] as! Int, objPage: (entry["obj_offset"] as! Int) / 4096,
             stripe: entry["stripe"] as! Int, parityDev: entry["parity_dev"] as! Int)
        }
        var seen = Set<[Int]>()
        for (n, state) in states.enumerated() {
            // Which pages of each write landed in this state.
            var landed: [Int: Int] = [:]
            if granularity == "request" {
                for id in state["landed"] as! [Int] { landed[id] = Int.max }
            } else {
                for entry in state["landed"] as! [[String: Int]] { landed[entry["id"]!] = entry["pages"]! }
            }
            seen.insert(writes.map { landed[$0["id"] as! Int].map { min($0, 1 << 20) } ?? 0 })
            var tokens = disk
            for write in writes {
                for page in (write["pages"] as! [[String: Any]]).prefix(landed[write["id"] as! Int] ?? 0) {
                    tokens[[write["dev"] as! Int, page["obj_page"] as! Int]] = UInt64(page["token"] as! String, radix: 16)!
                }
            }
            func token(_ dev: Int, _ objPage: Int) -> UInt64 { tokens[[dev, objPage]] ?? 0 }
            let rowsOf = Dictionary(grouping: pages) { [$0.stripe, $0.objPage] }
            var stale: [[Int]] = []
            var wrong = [[Int]](repeating: [], count: devices)
            for (key, row) in rowsOf {
                let parity = token(row[0].parityDev, key[1])
                let xor = row.reduce(parity) { $0 ^ token($1.dev, $1.objPage) }
                if xor != 0 { stale.append([key[0], key[1] % pagesPerUnit]) }
                for page in row where page.index < filePages {
                    let rebuilt = row.filter { $0.index != page.index }.reduce(parity) { $0 ^ token($1.dev, $1.objPage) }
                    if rebuilt != token(page.dev, page.objPage) { wrong[page.dev].append(page.index) }
                }
            }
            let rows = (state["inconsistent_rows"] as! [[String: Int]]).map { [$0["stripe"]!, $0["row"]!] }
            #expect(rows == stale.sorted { $0.lexicographicallyPrecedes($1) }, "state \(n)")
            let degraded = state["degraded"] as! [[String: Any]]
            #expect(degraded.map { $0["failed_dev"] as! Int } == Array(0..<devices))
            for d in degraded {
                let dev = d["failed_dev"] as! Int
                let ore = (d["ore"] as! [String: [Int]])["eio_pages"]!
                let md = d["md"] as! [String: [Int]]
                #expect(ore == pages.filter { $0.dev == dev && $0.index < filePages }.map(\.index).sorted(), "state \(n) dev \(dev)")
                #expect(md["wrong_pages"]! == wrong[dev].sorted(), "state \(n) dev \(dev)")
                #expect(md["eio_pages"]! == [])
            }
        }
        #expect(seen.count == states.count, "every state is a different landing")
        #expect(states.contains { !($0["inconsistent_rows"] as! [Any]).isEmpty }, "the scenario tears a stripe")
    }

    @Test func badArgumentsExit2() throws {
        for args in [["crash", "write-hole", "--at", "9999"], ["crash", "write-hole", "--at", "5", "--granularity", "byte"],
                     ["crash", "write-hole", "--at", "5", "--format", "xml"]] {
            let r = try Binary.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
    }
}
