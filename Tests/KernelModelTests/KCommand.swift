/// One scenario command (SPEC 4) as the model takes it; `text` is the scenario line the engine
/// parses, so a differing scenario can be replayed with `stripescope trace`.
enum KCommand {
    case profile(seed: Bool)
    case layout(parity: Int, devices: Int, stripeUnitPages: Int, mirrors: Int, groupWidth: Int?, groupDepth: Int?)
    case file(size: UInt64, ino: Int?)
    case cache(ClosedRange<Int>, dirty: Bool)
    case write(ClosedRange<Int>)
    case writepages(sync: Bool, range: ClosedRange<Int>?, nr: Int?)
    case fsync(range: ClosedRange<Int>?)
    case evict(ClosedRange<Int>)
    case truncate(size: UInt64)
    case completions(manual: Bool)
    case complete(count: Int?)
    case pumpLoop(Bool)
    case placementSeed(Bool)
    case check

    var text: String {
        func r(_ range: ClosedRange<Int>) -> String {
            range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)..\(range.upperBound)"
        }
        switch self {
        case .profile(let seed): return "profile \(seed ? "seed" : "final")"
        case .layout(let parity, let devices, let pages, let mirrors, let width, let depth):
            var line = "layout \(["raid0", "raid5", "raid6"][parity]) devices=\(devices) stripe-unit=\(pages * 4)K"
            if mirrors > 1 { line += " mirrors=\(mirrors)" }
            if let width, let depth { line += " group-width=\(width) group-depth=\(depth)" }
            return line
        case .file(let size, let ino): return "file size=\(size)" + (ino.map { " ino=\($0)" } ?? "")
        case .cache(let range, let dirty): return "cache \(r(range))" + (dirty ? " dirty" : "")
        case .write(let range): return "write \(r(range))"
        case .writepages(let sync, let range, let nr):
            return "writepages \(sync ? "sync" : "nosync")" + (range.map { " range=\(r($0))" } ?? "")
                + (nr.map { " nr=\($0)" } ?? "")
        case .fsync(let range): return "fsync" + (range.map { " range=\(r($0))" } ?? "")
        case .evict(let range): return "evict \(r(range))"
        case .truncate(let size): return "truncate size=\(size)"
        case .completions(let manual): return "completions \(manual ? "manual" : "auto")"
        case .complete(let count): return "complete \(count.map(String.init) ?? "all")"
        case .pumpLoop(let on): return "set pump=\(on ? "loop" : "twice")"
        case .placementSeed(let on): return "set placement=\(on ? "seed" : "final")"
        case .check: return "check"
        }
    }
}
