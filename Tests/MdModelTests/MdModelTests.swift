import XCTest
import StripeCore

/// The engine's `write-path md` against the independent model in `MModel` on random
/// scenarios: every stripe_head's decisions (rmw, rcw, choice, reads), the blocks read
/// into the stripe cache, the blocks written, and the disks' final contents. The model
/// takes from the engine only its inputs: the disks as `file` created them and the
/// content of each page written back.
final class MdModelTests: XCTestCase {
    /// The model's own arithmetic against raid5.c worked by hand.
    func testModelByHand() {
        var m = MModel(disks: 5, parity: 1, chunkPages: 4, rmwLevel: "enable", image: Array(repeating: [:], count: 5))
        XCTAssertEqual(m.place(0).disk, 0)
        XCTAssertEqual(m.place(16).disk, 4)  // chunk row 1: P on disk 3, data from disk 4
        m.writeback([(0, 7)], sync: true)
        XCTAssertEqual(m.decisions[0], [.init(rmw: 2, rcw: 3, choice: "rmw", reads: [0, 4]), .init(rmw: 0, rcw: 3, choice: "rmw", reads: [])])
        var r6 = MModel(disks: 5, parity: 2, chunkPages: 1, rmwLevel: "enable", image: Array(repeating: [:], count: 5))
        XCTAssertEqual(r6.parityDisks(chunkRow: 0).pd, 4)
        XCTAssertEqual(r6.parityDisks(chunkRow: 0).qd, 0)
        XCTAssertEqual(r6.place(0).disk, 1)
        r6.writeback([(0, 1), (1, 2), (2, 4)], sync: false)
        XCTAssertEqual(r6.decisions[0]?.map(\.choice), ["full"])
        // Q = D0 + g·D1 + g²·D2 = 1 ^ 4 ^ 16.
        XCTAssertEqual(r6.disk[0][0], 1 ^ 4 ^ 16)
    }

    struct Generated {
        var text: String
        var disks: Int, parity: Int, chunkPages: Int, rmw: String
    }

    static func generate(seed: UInt64) -> Generated {
        var rng = SplitMix(state: seed)
        let parity = Bool.random(using: &rng) ? 1 : 2
        let disks = Int.random(in: (parity + 2)...7, using: &rng)
        let chunkPages = [1, 1, 2, 4].randomElement(using: &rng)!
        let rmw = ["enable", "enable", "prefer", "disable"].randomElement(using: &rng)!
        let filePages = Int.random(in: 0...40, using: &rng)
        var lines = ["layout raid\(parity == 1 ? 5 : 6) devices=\(disks) stripe-unit=\(chunkPages * 4)K",
                     "write-path md rmw=\(rmw)"]
        if filePages > 0 { lines.append("file size=\(filePages * 4)K") }
        if filePages > 0 && Bool.random(using: &rng) { lines.append("cache 0..\(Int.random(in: 0...(filePages - 1), using: &rng))") }
        for _ in 0..<Int.random(in: 2...10, using: &rng) {
            let a = Int.random(in: 0...48, using: &rng)
            let b = a + (Bool.random(using: &rng) ? 0 : Int.random(in: 0...16, using: &rng))
            switch Int.random(in: 0..<6, using: &rng) {
            case 0, 1, 2: lines.append("write \(a)..\(b)")
            case 3: lines.append("writepages")
            case 4: lines.append("writepages nosync")
            default: lines.append("fsync")
            }
        }
        lines += ["writepages", "check"]
        return Generated(text: lines.joined(separator: "\n"), disks: disks, parity: parity, chunkPages: chunkPages, rmw: rmw)
    }

    func testEngineMatchesModelOnRandomScenarios() throws {
        for seed in 0..<300 as Range<UInt64> {
            let g = Self.generate(seed: seed &* 104_729 &+ 17)
            let scenario = try ScenarioParser.parse(g.text, name: "model-\(seed).scn")
            let t = Engine.run(scenario)
            try compare(t, g, seed: seed)
        }
    }

    private func compare(_ t: Timeline, _ g: Generated, seed: UInt64) throws {
        let context = "seed \(seed):\n\(g.text)"
        // The model starts from the disks as `file` made them (before any other command).
        var firstWork = t.count - 1
        var commands: [(seq: Int, command: Command)] = []
        for seq in 0..<t.count where t.event(seq).kind == .command {
            guard case .command(let line, _, let number) = t.payload(of: seq) else { continue }
            _ = line
            commands.append((seq, t.scenario.lines[number].command))
        }
        if let write = commands.first(where: { if case .write = $0.command { true } else { false } }) { firstWork = write.seq }
        let start = t.state(at: firstWork)
        var model = MModel(disks: g.disks, parity: g.parity, chunkPages: g.chunkPages, rmwLevel: g.rmw,
                           image: start.devices.map { device in
                               Dictionary(uniqueKeysWithValues: (0..<128).map { ($0, device.token(at: $0)) })
                           })
        // The dirty pages the model keeps, and i_size in pages.
        var dirty = Set<Int>()
        for (seq, command) in commands {
            switch command {
            case .write(let range): dirty.formUnion(range)
            case .writepages(let sync, _, _):
                let at = t.state(at: seq)
                model.writeback(dirty.sorted().map { ($0, at.pages[$0].token) }, sync: sync)
                dirty = []
            case .fsync:
                let at = t.state(at: seq)
                model.writeback(dirty.sorted().map { ($0, at.pages[$0].token) }, sync: true)
                dirty = []
            default: break
            }
        }

        var decisions: [Int: [MModel.Decision]] = [:]
        var reads: [[Int]] = [], writes: [[UInt64]] = []
        for seq in 0..<t.count {
            switch t.payload(of: seq) {
            case .mdDecision(let d):
                decisions[Int(d.row), default: []].append(.init(rmw: d.rmw, rcw: d.rcw, choice: d.choice.rawValue, reads: d.reads))
            case .devRead(let r) where r.request.purpose != .read:
                for e in t.entries(of: r.request) { reads.append([r.request.dev, Int(e.objPage)]) }
            case .devWrite(let r):
                for e in t.entries(of: r.request) { writes.append([UInt64(r.request.dev), e.objPage, e.value]) }
            case .violation(_, let detail), .kernelBug(_, let detail):
                XCTFail("\(context)\n\(detail)")
            default: break
            }
        }
        XCTAssertEqual(decisions.keys.sorted(), model.decisions.keys.sorted(), context)
        for (row, list) in model.decisions { XCTAssertEqual(decisions[row], list, "row \(row), \(context)") }
        XCTAssertEqual(reads.sorted { $0.lexicographicallyPrecedes($1) }, model.reads.sorted { $0.lexicographicallyPrecedes($1) }, context)
        XCTAssertEqual(writes.sorted { $0.lexicographicallyPrecedes($1) }, model.writes.sorted { $0.lexicographicallyPrecedes($1) }, context)
        let end = t.state(at: t.count - 1)
        // The counters count the stripe writes scheduled: the model's decisions that read nothing and were not delayed.
        let scheduled = model.decisions.values.joined().filter { $0.reads.isEmpty && $0.choice != "delayed" }
        XCTAssertEqual([end.counters.mdRmw, end.counters.mdRcw, end.counters.mdFull], ["rmw", "rcw", "full"].map { c in UInt64(scheduled.count { $0.choice == c }) }, context)
        for d in 0..<g.disks {
            for row in 0..<128 { XCTAssertEqual(end.devices[d].token(at: row), model.disk[d][row] ?? 0, "disk \(d) row \(row), \(context)") }
        }
    }
}

/// splitmix64, the model's own.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
