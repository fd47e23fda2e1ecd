/// The run stops where the kernel would `BUG()` or hang for good (SPEC 4, `kernel_bug`).
struct KernelBug: Error {
    let fn: String
}

/// An independent model of exofs + ORE on one file, written from fs/exofs/inode.c, ore.c and
/// ore_raid.c (see /work/kernel/DIFFERENCES.md), driven by scenario commands.
final class KernelModel {
    // Behaviour: the profile and the what-if switches that the generator uses.
    var seedProfile = false
    var placementSeed: Bool?
    var pumpLoop = false
    var manualCompletions = false

    var layout: KLayout!
    var objectID: UInt64 = 0x10000 + 3
    var iSize: UInt64 = 0
    var cache = KPageCache()
    var devices = KDevices(count: 0)
    /// The token each page below i_size should read back (invariant 1); absent is a hole (0).
    var expected: [Int: UInt64] = [:]
    var inflight: [KRequest] = []
    /// Pages of each submitted ore_io_state, handed to `writepages_done` when its last request ends.
    var iosPages: [Int: (pages: [Int], remaining: Int)] = [:]
    var nextIOS = 0
    var nextToken: UInt64 = 0x5eed_0000_0000_0000

    var trace = KTrace()
    /// The write_exec being recorded, if any.
    var current: KWriteExec?

    /// Whether `_prepare_for_striping` places units as 3.2 did (every unit at its mapping).
    var seedPlacement: Bool { placementSeed ?? seedProfile }

    func freshToken() -> UInt64 {
        nextToken &+= 0x9E37_79B9_7F4A_7C15
        return nextToken | 1
    }

    /// Runs every command; a kernel BUG or hang ends the run there, as on the machine.
    static func run(_ commands: [KCommand]) -> KTrace {
        let model = KernelModel()
        do {
            for command in commands {
                try model.execute(command)
                if !model.manualCompletions { try model.completeAll() }
            }
        } catch let bug as KernelBug {
            model.trace.kernelBug = bug.fn
        } catch {
            fatalError("unexpected \(error)")
        }
        if let open = model.current { model.trace.execs.append(open) }
        model.trace.finalFlags = model.cache.pages.mapValues { $0.flags.text }
        return model.trace
    }

    func execute(_ command: KCommand) throws {
        switch command {
        case .profile(let seed): seedProfile = seed
        case .layout(let parity, let count, let pages, let mirrors, let width, let depth):
            layout = KLayout(parity: parity, devices: count, stripeUnit: UInt64(pages) * KLayout.pageSize,
                             mirrors: mirrors, groupWidth: width, groupDepth: depth)
            devices = KDevices(count: count)
        case .file(let size, let ino):
            objectID = 0x10000 + UInt64(ino ?? 3)
            createFile(size: size)
        case .cache(let range, let dirty):
            for index in range {
                let token = dirty ? freshToken() : (expected[index] ?? 0)
                cache[index] = KPage(flags: dirty ? [.uptodate, .dirty] : [.uptodate], token: token)
                if dirty {   // as if written: new content, i_size covers the whole page
                    expected[index] = token
                    iSize = max(iSize, UInt64(index + 1) * KLayout.pageSize)
                }
            }
        case .write(let range):
            for index in range { try writeBeginEnd(index) }
        case .writepages(let sync, let range, let nr):
            try exofsWritepages(sync: sync, range: range, nrToWrite: nr)
        case .fsync(let range):
            try fsync(range: range)
        case .evict(let range):
            for index in range {
                guard let page = cache[index], page.flags.isDisjoint(with: [.dirty, .locked, .writeback]),
                      page.refs == 0 else { continue }
                cache[index] = nil
            }
        case .truncate(let size): try exofsSetattr(size: size)
        case .completions(let manual): manualCompletions = manual
        case .complete(let count):
            if let count { for _ in 0..<count where !inflight.isEmpty { completeOne() } } else { try completeAll() }
        case .pumpLoop(let on): pumpLoop = on
        case .placementSeed(let on): placementSeed = on
        case .check: trace.checks.append(check())
        }
    }

    /// `file size=`: the objects already hold the file, with consistent parity; nothing cached.
    func createFile(size: UInt64) {
        iSize = size
        let pages = Int((size + KLayout.pageSize - 1) / KLayout.pageSize)
        for index in 0..<pages {
            let token = freshToken()
            expected[index] = token
            let home = layout.home(ofPage: index)
            for copy in 0..<layout.mirrors { devices.write(dev: home.dev + copy, objPage: home.objPage, token: token) }
        }
        writeConsistentParity()
    }

    /// Sets every parity page to the XOR of its row (RAID5), as a freshly written file has it.
    func writeConsistentParity() {
        guard layout.parity == 1, let last = devices.objects.flatMap(\.keys).max() else { return }
        for row in 0...last {
            for group in 0..<layout.groupCount {
                let parityColumn = parityColumn(objPage: row)
                for copy in 0..<layout.mirrors {
                    var xor: UInt64 = 0
                    for column in 0..<layout.groupWidth where column != parityColumn {
                        xor ^= devices.token(dev: componentDev(group: group, column: column, copy: copy), objPage: row)
                    }
                    devices.write(dev: componentDev(group: group, column: parityColumn, copy: copy), objPage: row, token: xor)
                }
            }
        }
    }

    func componentDev(group: Int, column: Int, copy: Int) -> Int {
        group * layout.devsInGroup + column * layout.mirrors + copy
    }

    /// The parity column (within its group) of the stripe that object page `objPage` is in.
    func parityColumn(objPage: Int) -> Int {
        let stripe = UInt64(objPage / layout.pagesInUnit)
        let n = layout.groupDepth == UInt64.max ? stripe : stripe % layout.groupDepth
        let w = layout.groupWidth
        return (2 * w - 1 - Int(n % UInt64(w))) % w
    }

    /// `write_begin` / `write_end` of one whole page: `lock_page` waits for I/O in flight (and
    /// forever on a stranded page); the page becomes uptodate and dirty with new content.
    func writeBeginEnd(_ index: Int) throws {
        if cache[index] == nil { cache[index] = KPage() }
        try waitUntil(index, not: .locked, fn: "lock_page")
        let token = freshToken()
        cache[index]!.token = token
        cache.set(index, [.uptodate, .dirty])
        expected[index] = token
        iSize = max(iSize, UInt64(index + 1) * KLayout.pageSize)
    }

    /// Delivers pending completions until page `index` loses `flag`; a page no I/O will ever
    /// release hangs the task (`kernel_bug` in `fn`).
    func waitUntil(_ index: Int, not flag: KFlags, fn: String) throws {
        while cache.has(index, flag) {
            guard !inflight.isEmpty else { throw KernelBug(fn: fn) }
            completeOne()
        }
    }

    /// `filemap_write_and_wait_range`: sync writepages of the range, then wait on writeback.
    func fsync(range: ClosedRange<Int>?) throws {
        try exofsWritepages(sync: true, range: range, nrToWrite: nil)
        let indices = cache.pages.keys.sorted().filter { range?.contains($0) ?? true }
        for index in indices { try waitUntil(index, not: .writeback, fn: "wait_on_page_writeback") }
    }
}
