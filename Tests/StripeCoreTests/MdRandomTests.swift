import Testing
@testable import StripeCore

/// Random workloads through `write-path md`: every invariant holds, every P and Q on
/// the disks is what the row's data makes it (recomputed here), and every md_decision's
/// rmw and rcw are raid5.c's counts of the blocks it lists.
struct MdRandomTests {
    static let layouts = [
        "layout raid5 devices=3 stripe-unit=4K", "layout raid5 devices=4 stripe-unit=16K",
        "layout raid5 devices=5 stripe-unit=8K", "layout raid5 devices=6 stripe-unit=4K",
        "layout raid6 devices=4 stripe-unit=8K", "layout raid6 devices=5 stripe-unit=4K",
        "layout raid6 devices=6 stripe-unit=16K",
    ]

    static func make(seed: UInt64) -> String {
        var rng = SeededGenerator(state: seed)
        let rmw = ["", " rmw=enable", " rmw=prefer", " rmw=disable"].randomElement(using: &rng)!
        let cache = Bool.random(using: &rng) ? " stripe-cache=\(Int.random(in: 17...24, using: &rng))" : ""
        let log = [" log=none", "", "", " log=journal", " log=ppl"].randomElement(using: &rng)!
        var lines = [layouts.randomElement(using: &rng)!, "write-path md" + rmw + cache + log]
        let filePages = Int.random(in: 0...64, using: &rng)
        if filePages > 0 { lines.append("file size=\(filePages * 4)K") }
        func range() -> String {
            let a = Int.random(in: 0...72, using: &rng)
            let b = a + Int.random(in: 0...(Bool.random(using: &rng) ? 3 : 40), using: &rng)
            return a == b ? "\(a)" : "\(a)..\(b)"
        }
        for _ in 0..<Int.random(in: 3...14, using: &rng) {
            switch Int.random(in: 0..<12, using: &rng) {
            case 0: lines.append("cache \(range())")
            case 1, 2, 3: lines.append("write \(range())")
            case 4: lines.append("read \(range())")
            case 5: lines.append("writepages sync")
            case 6: lines.append("writepages nosync")
            case 7: lines.append("fsync")
            case 8: lines.append("evict \(range())")
            case 9: lines.append(Bool.random(using: &rng) ? "completions manual" : "complete \(Int.random(in: 1...5, using: &rng))")
            case 10: lines.append("write-bytes offset=\(Int.random(in: 0...300_000, using: &rng)) length=\(Int.random(in: 1...30_000, using: &rng))")
            default: lines.append("writepages nosync range=\(range())")
            }
        }
        lines += ["completions auto", "complete all", "fsync", "check"]
        return lines.joined(separator: "\n")
    }

    /// g·x in GF(2⁸) (0x11d) on each byte, written out again here.
    static func times2(_ x: UInt64) -> UInt64 {
        var result: UInt64 = 0
        for byte in 0..<8 {
            var b = UInt16((x >> (8 * byte)) & 0xff) << 1
            if b & 0x100 != 0 { b ^= 0x11d }
            result |= UInt64(b) << (8 * byte)
        }
        return result
    }

    @Test(arguments: 0..<120)
    func randomScenarioHolds(seed: Int) throws {
        let text = Self.make(seed: UInt64(seed) &* 7919)
        let timeline = try run(text)
        let violations = (0..<timeline.count).filter { [.violation, .kernelBug].contains(timeline.event($0).kind) }
        #expect(violations.isEmpty, "seed \(seed):\n\(text)\n\(violations.map { timeline.text(of: $0) })")

        let final = timeline.state(at: timeline.count - 1)
        let layout = try #require(final.layout)
        let disks = layout.devices, parity = layout.parity, unit = layout.pagesInUnit
        let rows = Int(final.stripeSpan) * unit
        for row in 0..<rows {
            // Left-symmetric by hand: P on disk n-1-(chunk row mod n); RAID6 Q after it;
            // data columns from the disk after the last parity.
            let chunkRow = row / unit
            let p = disks - 1 - chunkRow % disks
            let dataStart = (p + parity) % disks
            var xor: UInt64 = 0, q: UInt64 = 0
            for column in (0..<(disks - parity)).reversed() {
                let token = final.devices[(dataStart + column) % disks].token(at: row)
                xor ^= token
                q = Self.times2(q) ^ token
            }
            #expect(final.devices[p].token(at: row) == xor, "seed \(seed): P of row \(row)")
            if parity == 2 { #expect(final.devices[(p + 1) % disks].token(at: row) == q, "seed \(seed): Q of row \(row)") }
        }

        let forced = text.contains("rmw=disable")
        for seq in 0..<timeline.count {
            guard case .mdDecision(let d) = timeline.payload(of: seq) else { continue }
            // A data block is written exactly when it is overwritten (bios are whole pages).
            let rmw = d.disks.count { ($0.role != .data || $0.overwrite) && !$0.uptodate && !$0.locked }
            let rcw = d.disks.count { $0.role == .data && !$0.overwrite && !$0.uptodate && !$0.locked }
            #expect(d.rmw == (forced ? 2 : rmw), "seed \(seed) row \(d.row): rmw")
            #expect(d.rcw == rcw, "seed \(seed) row \(d.row): rcw")
        }
    }
}
