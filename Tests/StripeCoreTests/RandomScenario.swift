@testable import StripeCore

/// A small deterministic generator (the engine's splitmix64), so a failing seed can be replayed.
typealias SeededGenerator = SplitMix

/// Random scenarios in `profile final`, ending with a sync writeback and a `check` so
/// the quiescent invariants are tested too. `safe` ones leave out what breaks an
/// invariant on purpose (device failures, r4w=off, the kernel's truncate rule on
/// RAID5); the others mix every command.
enum RandomScenario {
    /// RAID5 and RAID0 layouts, the default mix.
    static let layouts = [
        "layout raid5 devices=4 stripe-unit=8K", "layout raid5 devices=3 stripe-unit=4K",
        "layout raid5 devices=5 stripe-unit=16K", "layout raid0 devices=3 stripe-unit=8K",
        "layout raid5 devices=4 stripe-unit=4K mirrors=2",
        "layout raid5 devices=6 stripe-unit=4K group-width=3 group-depth=2",
        "layout raid0 devices=4 stripe-unit=4K mirrors=2",
    ]

    /// RAID6 layouts: the smallest group, even and odd widths (the odd ones need the
    /// final code's 2W), mirrors, and groups.
    static let raid6Layouts = [
        "layout raid6 devices=3 stripe-unit=4K", "layout raid6 devices=4 stripe-unit=8K",
        "layout raid6 devices=5 stripe-unit=4K", "layout raid6 devices=6 stripe-unit=16K",
        "layout raid6 devices=8 stripe-unit=4K mirrors=2",
        "layout raid6 devices=8 stripe-unit=4K group-width=4 group-depth=2",
        "layout raid6 devices=10 stripe-unit=8K group-width=5 group-depth=3",
    ]

    static func make(seed: UInt64, safe: Bool = true, layouts: [String] = layouts) -> String {
        var rng = SeededGenerator(state: seed)
        var lines = ["title random \(seed)"]
        let layout = layouts.randomElement(using: &rng)!
        lines.append(layout)
        let raid0 = layout.contains("raid0")
        let filePages = Int.random(in: 0...48, using: &rng)
        if filePages > 0 { lines.append("file size=\(filePages * 4)K") }
        func range() -> String {
            let a = Int.random(in: 0...56, using: &rng)
            let b = a + Int.random(in: 0...12, using: &rng)
            return a == b ? "\(a)" : "\(a)..\(b)"
        }
        for _ in 0..<Int.random(in: 3...14, using: &rng) {
            switch Int.random(in: 0..<18, using: &rng) {
            case 0: lines.append("cache \(range())")
            case 1: lines.append("cache \(range()) dirty")
            case 2, 3: lines.append("write \(range())")
            case 4: lines.append("write-bytes offset=\(Int.random(in: 0...200_000, using: &rng)) length=\(Int.random(in: 1...20_000, using: &rng))")
            case 5: lines.append("read \(range())")
            case 6: lines.append("writepages sync")
            case 7: lines.append("writepages nosync nr=\(Int.random(in: 1...20, using: &rng))")
            case 8: lines.append("writepages sync range=\(range())")
            case 9: lines.append("evict \(range())")
            case 10: lines.append(Bool.random(using: &rng) ? "completions manual" : "complete \(Int.random(in: 1...3, using: &rng))")
            case 11: lines.append("set max-io-pages=\(Int.random(in: 1...9, using: &rng))")
            case 12: lines.append("set writepage=\(Bool.random(using: &rng) ? "on" : "off")")
            case 13: lines.append("reclaim pages=\(Int.random(in: 1...20, using: &rng))")
            case 14: lines.append("set \(["locked-page", "dirty-uptodate"].randomElement(using: &rng)!)=\(Bool.random(using: &rng) ? "on" : "off")")
            case 15 where raid0 || !safe: lines.append("truncate size=\(Int.random(in: 0...200_000, using: &rng))")
            case 16 where !safe: lines.append("\(Bool.random(using: &rng) ? "fail" : "repair") dev=\(Int.random(in: 0...2, using: &rng))")
            case 17 where !safe: lines.append("set r4w=\(Bool.random(using: &rng) ? "on" : "off")")
            default: lines.append("write \(range())")
            }
        }
        lines += ["completions auto", "complete all", "writepages sync", "check"]
        return lines.joined(separator: "\n")
    }
}
