/// splitmix64, so every scenario comes back from its seed.
struct KSplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random scenarios for the differential test: RAID0, RAID5 and RAID6 (final only), one or several groups,
/// mirrors, stripe units up to 256 pages, partial last pages, truncates, nosync,
/// `profile final` or (40%) `profile seed`. Each ends quiescent with a `check`.
enum KScenarioGenerator {
    static func make(seed: UInt64) -> [KCommand] {
        var rng = KSplitMix(state: seed)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        func pick<T>(_ values: [T]) -> T { values.randomElement(using: &rng)! }

        var commands: [KCommand] = []
        let seedProfile = chance(0.4)
        if seedProfile { commands.append(.profile(seed: true)) }
        // RAID6 only in 4.18 (3.2's ore_verify_layout: "Only RAID_0/5 for now").
        let parity = !seedProfile && chance(0.25) ? 2 : chance(0.65) ? 1 : 0
        let mirrors = chance(0.2) ? 2 : 1
        let width = [pick([1, 2, 3, 3, 4]), pick([2, 3, 3, 4, 4, 5]), pick([3, 4, 4, 5, 6])][parity]
        let grouped = chance(0.5)
        let depth = Int.random(in: 1...4, using: &rng)
        let groups = grouped ? Int.random(in: 1...3, using: &rng) : 1
        let unitPages = pick([1, 1, 2, 2, 2, 4, 4, 8, 16, 32, 64, 125, 128, 200, 249, 250, 256])
        commands.append(.layout(parity: parity, devices: width * mirrors * groups, stripeUnitPages: unitPages,
                                mirrors: mirrors, groupWidth: grouped ? width : nil, groupDepth: grouped ? depth : nil))

        let stripePages = (width - parity) * unitPages
        let maxPages = min(600, max(8, stripePages * (grouped ? groups * depth : 3) + stripePages / 2))
        var filePages = Int.random(in: 0...maxPages, using: &rng)
        var fileSize = UInt64(filePages) * 4096
        if filePages > 0 && chance(0.35) { fileSize -= UInt64.random(in: 1...4095, using: &rng) }
        if filePages > 0 || chance(0.5) {
            commands.append(.file(size: fileSize, ino: chance(0.15) ? Int.random(in: 2...40, using: &rng) : nil))
        } else {
            filePages = 0
            fileSize = 0
        }
        func range(upTo limit: Int, long: Bool = false) -> ClosedRange<Int> {
            let first = Int.random(in: 0...max(0, limit), using: &rng)
            let count = long && chance(0.3) ? Int.random(in: 1...min(300, maxPages), using: &rng)
                                            : Int.random(in: 1...24, using: &rng)
            return first...(first + count - 1)
        }
        if filePages > 0 && chance(0.6) {
            commands.append(.cache(range(upTo: filePages - 1).clamped(to: 0...filePages - 1), dirty: chance(0.3)))
        }

        let truncates = mirrors == 1 || chance(0.15)
        for _ in 0..<Int.random(in: 3...10, using: &rng) {
            let limit = max(filePages, 8) + 8
            switch Int.random(in: 0..<20, using: &rng) {
            case 0...5: commands.append(.write(range(upTo: limit, long: true)))
            case 6, 7: commands.append(.writepages(sync: true, range: nil, nr: nil))
            case 8: commands.append(.writepages(sync: false, range: nil, nr: chance(0.6) ? Int.random(in: 1...40, using: &rng) : nil))
            case 9: commands.append(.writepages(sync: chance(0.7), range: range(upTo: limit, long: true), nr: nil))
            case 10 where chance(0.5): commands.append(.fsync(range: chance(0.5) ? range(upTo: limit, long: true) : nil))
            case 11: commands.append(.evict(range(upTo: limit, long: true)))
            case 12 where truncates:
                var size = UInt64.random(in: 0...(fileSize + fileSize / 2 + 8192), using: &rng)
                if chance(0.5) { size &= ~4095 }
                commands.append(.truncate(size: size))
            case 13: commands.append(.completions(manual: true))
            case 14: commands.append(.complete(count: chance(0.5) ? Int.random(in: 1...4, using: &rng) : nil))
            case 15 where chance(0.3): commands.append(chance(0.5) ? .pumpLoop(chance(0.5)) : .placementSeed(chance(0.5)))
            case 15, 17: commands.append(chance(0.5) ? .r4w(chance(0.5)) : .dirtyUptodate(chance(0.5)))
            case 16: commands.append(.check)
            default: commands.append(.write(range(upTo: limit)))
            }
        }
        commands += [.completions(manual: false), .complete(count: nil), .writepages(sync: true, range: nil, nr: nil), .check]
        return commands
    }
}
