import Foundation
import Testing

/// `write-path md` from the command line: one-line errors with exit 2, md_decision in
/// the JSONL trace, and the warm-page-cache comparison in summary-json.
struct MdCLITests {
    @Test(arguments: [("mirrors=2", "mirrors"), ("group-width=4 group-depth=1", "groups")])
    func groupsAndMirrorsExit2(option: String, named: String) throws {
        let file = try Binary.scratch("layout raid5 devices=8 stripe-unit=4K \(option)\nwrite-path md\n", name: "md-bad.scn")
        let r = try Binary.run(["check", file.path])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("md-bad.scn:2:1") && lines[0].contains(named), "\(r.stderr)")
    }

    @Test func badValueIsOneLineWithItsColumn() throws {
        let file = try Binary.scratch("layout raid5 devices=4 stripe-unit=4K\nwrite-path md stripe-cache=16\n", name: "md-cache.scn")
        let r = try Binary.run(["check", file.path])
        #expect(r.status == 2 && r.stderr.split(separator: "\n").count == 1 && r.stderr.contains("md-cache.scn:2:28"), "\(r.stderr)")
    }

    @Test func decisionInTheJsonlTrace() throws {
        let r = try Binary.run(["trace", "md-cold-small-write", "--compare", "write-path md", "--format", "summary-json"])
        #expect(r.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((object["a"] as? [String: Any])?["dev_pages_read"] as? Int == 3)
        #expect((object["b"] as? [String: Any])?["dev_pages_read"] as? Int == 2)
        let warm = try Binary.run(["trace", "md-warm-page-cache", "--compare", "write-path md", "--format", "summary-json"])
        let w = try #require(JSONSerialization.jsonObject(with: Data(warm.stdout.utf8)) as? [String: Any])
        #expect((w["a"] as? [String: Any])?["dev_pages_read"] as? Int == 0)
        #expect((w["b"] as? [String: Any])?["dev_pages_read"] as? Int == 2)
        #expect((w["note"] as? String)?.contains("differ by design") == true)

        let jsonl = try Binary.run(["trace", "md-tie-prefer", "--format", "jsonl"])
        let decisions = jsonl.stdout.split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["kind"] as? String == "md_decision" }
        let first = try #require(decisions.first)
        #expect(first["row"] as? Int == 0 && first["rmw"] as? Int == 2 && first["rcw"] as? Int == 2)
        #expect(first["choice"] as? String == "rcw" && first["reads"] as? [Int] == [1, 2])
        let disks = try #require(first["disks"] as? [[String: Any]])
        #expect(disks.map { $0["role"] as? String } == ["data", "data", "data", "P"])
        #expect(disks.map { $0["state"] as? String } == ["dirty", "want", "want", "empty"])
    }

    /// `layout --write-path md`: md's RAID6 map as worked by hand in MdGeometryTests.
    @Test func layoutPrintsMdsMap() throws {
        let r = try Binary.run(["layout", "--raid", "raid6", "--devices", "5", "--stripe-unit", "4K", "--write-path", "md",
                                "--format", "json", "--pages", "0..5"])
        #expect(r.status == 0)
        let pages = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(pages.map { $0["dev"] as? Int } == [1, 2, 3, 0, 1, 2])
        #expect(pages.map { $0["parity_dev"] as? Int } == [4, 4, 4, 3, 3, 3])
        #expect(pages.map { $0["q_dev"] as? Int } == [0, 0, 0, 4, 4, 4])
        #expect(pages.map { $0["obj_offset"] as? Int } == [0, 0, 0, 4096, 4096, 4096])
    }
}
