import Testing
@testable import StripeCore

struct ParserTests {
    static let malformed: [(String, String)] = [
        ("write 5..", "bad.scn:1:7: expected a page range like 5 or 5..9, found '5..'"),
        ("# comment\nwrite 9..3", "bad.scn:2:7: page range 9..3 runs backwards; write the lower index first (3..9)"),
        ("frobnicate 3", "bad.scn:1:1: unknown command 'frobnicate'; expected one of title, note, profile, layout, file, cache, write, write-bytes, read, writepages, fsync, evict, reclaim, truncate, completions, complete, fail, repair, set, check, write-path, resync, powercut, expect, ask"),
        ("layout raid7 devices=4 stripe-unit=16K", "bad.scn:1:8: expected a RAID level, 'raid0', 'raid5' or 'raid6', found 'raid7'"),
        ("layout raid5 devices=4 stripe-unit=5000", "bad.scn:1:24: stripe-unit: must be a positive multiple of 4096 bytes (got 5000)"),
        ("layout raid5 devices=4 stripe-unit=16Q", "bad.scn:1:36: expected a size like 4096, 16K, 1M or 2G for stripe-unit, found '16Q'"),
        ("layout raid5 stripe-unit=16K", "bad.scn:1:29: expected devices=N"),
        ("layout raid5 devices=1 stripe-unit=4K", "bad.scn:1:14: devices: raid5 needs at least 2 devices (one data device at least; got 1)"),
        ("layout raid5 devices=4 stripe-unit=4K mirrors=4", "bad.scn:1:14: devices: raid5 needs devices / mirrors of at least 2 (one data device at least; got 1)"),
        ("file size=32G", "bad.scn:1:11: size=32G is larger than StripeScope models (at most 16G)"),
        ("file size=99999999999999999999K", "bad.scn:1:11: size=99999999999999999999K is larger than StripeScope models (at most 16G)"),
        ("write 99999999", "bad.scn:1:7: page index 99999999 is past the largest file StripeScope models (16G, pages 0..4194303)"),
        ("writepages sometimes", "bad.scn:1:12: expected 'sync', 'nosync', 'range=A..B' or 'nr=N', found 'sometimes'"),
        ("writepages nr=0", "bad.scn:1:15: expected a positive page count for nr, found '0'"),
        ("set r4w=maybe", "bad.scn:1:9: expected 'on' or 'off' for r4w, found 'maybe'"),
        ("set colour=on", "bad.scn:1:5: unknown setting 'colour'; expected one of writepage, locked-page, r4w, dirty-uptodate, pump, placement, max-io-pages"),
        ("set foo=bar", "bad.scn:1:5: unknown setting 'foo'; expected one of writepage, locked-page, r4w, dirty-uptodate, pump, placement, max-io-pages"),
        ("set pump=thrice", "bad.scn:1:10: expected 'twice' or 'loop' for pump, found 'thrice'"),
        ("set placement=mainline", "bad.scn:1:15: expected 'final' or 'seed' for placement, found 'mainline'"),
        ("layout raid5 devices=6 stripe-unit=4K group-width=3",
         "bad.scn:1:39: group-depth: is required with group-width=3 (the kernel's ore_verify_layout rejects a group width without a depth: -EINVAL)"),
        ("layout raid5 devices=4 stripe-unit=4K group-width=4",
         "bad.scn:1:39: group-depth: is required with group-width=4 (the kernel's ore_verify_layout rejects a group width without a depth: -EINVAL)"),
        ("layout raid5 devices=4 stripe-unit=4K group-width=4 group-depth=0",
         "bad.scn:1:65: group-depth=0 is out of range; expected 1 to 4294967295"),
        ("layout raid6 devices=4 stripe-unit=4K group-width=2 group-depth=1",
         "bad.scn:1:39: group-width: raid6 needs a group width of at least 3 (one data device at least; got 2)"),
        ("layout raid6 devices=2 stripe-unit=4K", "bad.scn:1:14: devices: raid6 needs at least 3 devices (one data device at least; got 2)"),
        ("profile seed\nlayout raid6 devices=4 stripe-unit=4K", "bad.scn:2:1: raid6 needs profile final: Linux 3.2's ore_verify_layout accepts only RAID 0/5"),
        ("layout raid6 devices=4 stripe-unit=4K\nprofile final\nprofile seed", "bad.scn:3:1: raid6 needs profile final: Linux 3.2's ore_verify_layout accepts only RAID 0/5"),
        ("layout raid0 devices=2 stripe-unit=4K\nfile size=4K ino=1", "bad.scn:2:18: ino=1 is out of range; expected 2 to 18446744073709486079"),
        ("layout raid0 devices=2 stripe-unit=4K\nfsync range=3..1", "bad.scn:2:13: page range 3..1 runs backwards; write the lower index first (1..3)"),
        ("layout raid0 devices=2 stripe-unit=4K\nfsync sync", "bad.scn:2:7: expected KEY=VALUE (range), found 'sync'"),
        ("fsync", "bad.scn:1:1: 'fsync' needs a layout first; add a line like 'layout raid5 devices=4 stripe-unit=16K' before it"),
        ("cache 1..2 clean", "bad.scn:1:12: expected 'dirty' or the end of the line, found 'clean'"),
        ("profile mainline", "bad.scn:1:9: expected a profile, 'final' or 'seed', found 'mainline'"),
        ("title", "bad.scn:1:6: expected text after 'title'"),
        ("file size=4K size=8K", "bad.scn:1:14: 'size' is given twice"),
        ("complete -1", "bad.scn:1:10: expected 'all' or a positive count, found '-1'"),
        ("check now", "bad.scn:1:7: unexpected 'now'; expected the end of the line"),
        ("layout raid0 devices=2 stripe-unit=4K\nlayout raid5 devices=3 stripe-unit=4K", "bad.scn:2:1: the layout is already set on line 1; a scenario has one layout"),
        ("write 1", "bad.scn:1:1: 'write' needs a layout first; add a line like 'layout raid5 devices=4 stripe-unit=16K' before it"),
        ("layout raid0 devices=2 stripe-unit=4K\nwrite 1\nfile size=8K", "bad.scn:3:1: 'file' must come before the commands that use the file"),
        ("layout raid0 devices=2 stripe-unit=4K\nfail dev=2", "bad.scn:2:1: dev=2 does not exist; the layout has devices 0..1"),
        ("write \u{1}", "bad.scn:1:7: control character U+0001 (SOH); scenarios are plain text"),
    ]

    @Test(arguments: malformed)
    func errorNamesFileLineAndColumn(input: String, message: String) {
        #expect(throws: ScenarioError.self) { try ScenarioParser.parse(input, name: "bad.scn") }
        do {
            _ = try ScenarioParser.parse(input, name: "bad.scn")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func parsesEveryCommandOfTheReferenceScenarios() throws {
        let s = try ScenarioParser.parse("""
            title T # a comment
            note  two  words
            profile seed
            layout raid5 devices=6 stripe-unit=8K group-width=3 group-depth=2
            file size=1M
            cache 0..3 dirty
            write-bytes offset=0 length=1
            writepages nosync range=2..9 nr=4
            completions manual
            complete 2
            set max-io-pages=8
            """, name: "ok.scn")
        #expect(s.title == "T")
        #expect(s.lines.map(\.line) == Array(1...11))
        #expect(s.lines[1].command == .note("two  words"))
        #expect(s.lines[5].command == .cache(0...3, dirty: true))
        #expect(s.lines[7].command == .writepages(sync: false, range: 2...9, nrToWrite: 4))
        #expect(s.lines[9].command == .complete(2))
        #expect(s.lines[10].command == .set(.maxIOPages(8)))
    }

    /// An empty file is a file: the kernel allows it and a write then appends to it.
    @Test func anEmptyFileIsAllowed() throws {
        let s = try ScenarioParser.parse("layout raid5 devices=4 stripe-unit=16K\nfile size=0\nwrite 0..3\nwritepages\ncheck",
                                         name: "empty.scn")
        #expect(s.lines[1].command == .file(size: 0, ino: 3))
        let t = Engine.run(s)
        #expect(!(0..<t.count).contains { t.event($0).kind == .violation })
        #expect((0..<t.count).filter { t.event($0).kind == .devWrite }.count == 2)
    }

    /// The syntax of issue 10: `file ... ino=N`, `fsync`, `set pump=` and `set placement=`, `raid6`.
    @Test func parsesTheNewCommandsWithTheirFields() throws {
        let s = try ScenarioParser.parse("""
            layout raid6 devices=10 stripe-unit=8K group-width=5 group-depth=3
            file size=64K ino=42
            fsync
            fsync range=2..5
            set pump=loop
            set pump=twice
            set placement=seed
            set placement=final
            """, name: "new.scn")
        #expect(s.lines.map(\.command) == [
            .layout(try OreLayout(raid: .raid6, devices: 10, stripeUnit: 8192, groupWidth: 5, groupDepth: 3)),
            .file(size: 64 << 10, ino: 42), .fsync(range: nil), .fsync(range: 2...5),
            .set(.pump(.loop)), .set(.pump(.twice)), .set(.placement(.seed)), .set(.placement(.final)),
        ])
        // ino=42 reaches the engine: object 0x1002A reads mirror copy 0x1002A % 2 = 0.
        #expect(try mirrorCopyRead(fileOptions: "ino=42") == 0)
        guard case .layout(let layout) = s.lines[0].command else { Issue.record("no layout"); return }
        #expect(layout.parity == 2 && layout.dataDevices == 3 && layout.groupCount == 2 && layout.groupDepth == 3)
        #expect(s.warnings.isEmpty)
    }

    /// Without `ino=` the file is inode 3, object 0x10003; the switches start at the kernel's behaviour.
    @Test func defaultsOfTheNewSyntax() throws {
        let s = try ScenarioParser.parse("layout raid5 devices=4 stripe-unit=16K\nfile size=4K", name: "d.scn")
        #expect(s.lines[1].command == .file(size: 4096, ino: 3))
        // Object 0x10003 reads mirror copy 1.
        #expect(try mirrorCopyRead(fileOptions: "") == 1)
        let switches = Switches()
        #expect(switches.pump == nil && switches.placement == nil)
        #expect(Profile.allCases.allSatisfy { $0.era.pump == .twice })
    }

    /// `set` reaches the engine's switches.
    @Test func setPumpAndPlacementChangeTheSwitches() throws {
        let s = try ScenarioParser.parse("layout raid5 devices=4 stripe-unit=16K\nset pump=loop\nset placement=seed", name: "s.scn")
        let engine = Engine(scenario: s, keyframeInterval: 64)
        for line in s.lines { engine.execute(line) }
        #expect(engine.switches.pump == .loop && engine.switches.placement == .seed)
    }

    /// With an explicit group width the depth is kept even for one group (the kernel's
    /// `ore_verify_layout` only drops it when no width is given); a depth alone is ignored
    /// with the kernel's notice, as a warning that names the line and column.
    @Test func groupDepthIsKeptWithAWidthAndIgnoredAlone() throws {
        let one = try ScenarioParser.parse("layout raid5 devices=4 stripe-unit=4K group-width=4 group-depth=2", name: "g.scn")
        #expect(one.lines[0].command == .layout(try OreLayout(raid: .raid5, devices: 4, stripeUnit: 4096, groupWidth: 4, groupDepth: 2)))
        guard case .layout(let kept) = one.lines[0].command else { return }
        #expect(kept.groupDepth == 2 && kept.groupCount == 1)
        let alone = try ScenarioParser.parse("layout raid5 devices=4 stripe-unit=4K group-depth=2", name: "g.scn")
        guard case .layout(let ignored) = alone.lines[0].command else { return }
        #expect(ignored.groupDepth == nil && ignored.groupWidth == 4)
        #expect(alone.warnings == ["g.scn:1:39: group-depth=2 ignored without group-width, as the kernel's \"group_depth ignored\" notice says; the one group is unbounded"])
    }
}

/// The mirror copy the engine reads page 0 from (`_ore_read_mirror`: object id % mirrors) for
/// a file with `fileOptions` on `mirrors` copies of RAID0: the object id as the engine uses it.
func mirrorCopyRead(fileOptions: String, mirrors: Int = 2) throws -> Int? {
    let t = try run("layout raid0 devices=\(2 * mirrors) stripe-unit=4K mirrors=\(mirrors)\nfile size=16K \(fileOptions)\nread 0\n")
    return (0..<t.count).first { t.event($0).kind == .devRead }.map { t.request(Int(t.event($0).i)).dev }
}
