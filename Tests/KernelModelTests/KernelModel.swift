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
    /// `set r4w=off`: exofs without the r4w ops, as before the patch.
    var r4wOps = true
    /// `set dirty-uptodate=`: the seed's "dirty or writeback counts as uptodate" on its own.
    var dirtyUptodate: Bool?
    var manualCompletions = false

    var layout: KLayout!
    var objectID: UInt64 = 0x10000 + 3
    var iSize: UInt64 = 0
    var cache = KPageCache()
    var devices = KDevices(count: 0)
    /// What each page below i_size should read back (invariant 1); absent is a hole (zeros).
    var expected: [Int: KContent] = [:]
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

    /// New content for a whole page (a user write, or the file's initial data).
    func freshContent() -> KContent {
        nextToken &+= 0x9E37_79B9_7F4A_7C15
        return KContent(token: nextToken | 1)
    }

    /// Runs every command; a kernel BUG or hang ends the run there, as on the machine.
    static func run(_ commands: [KCommand]) -> KTrace {
        let model = KernelModel()
        do {
            for command in commands {
                try model.execute(command)
                if !model.manualCompletions { model.completeAll() }
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
                let content = dirty ? freshContent() : (expected[index] ?? .zero)
                cache[index] = KPage(flags: dirty ? [.uptodate, .dirty] : [.uptodate], content: content)
                if dirty {   // as if written: new content, i_size covers the whole page
                    expected[index] = content
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
            if let count { for _ in 0..<count where !inflight.isEmpty { completeOne() } } else { completeAll() }
        case .pumpLoop(let on): pumpLoop = on
        case .placementSeed(let on): placementSeed = on
        case .r4w(let on): r4wOps = on
        case .dirtyUptodate(let on): dirtyUptodate = on
        case .check: trace.checks.append(check())
        }
    }
}
