import Testing
@testable import StripeCore

/// md after a power cut (SPEC 11): a dirty array, the journal replayed, parity
/// recovered from the PPL, and md's degraded reads judged by rule 8.
///
/// raid5 over 3 disks of 4K chunks: md's row 0 is page 0 on dev 0, page 1 on dev 1,
/// P on dev 2. `write 0; writepages` reads page 1's block (rcw: 1 read against rmw's
/// 2); `complete N` lets that read (and with a log, the log write) finish, so the
/// writes of page 0 (dev 0) and P (dev 2) are in flight together. The power cut lands
/// the data only: P is stale, and a rebuild of page 1 from page 0 and P gives data
/// nobody wrote.
struct MdPowercutTests {
    static func scenario(log: String, completed: Int, after: String) -> String {
        """
        layout raid5 devices=3 stripe-unit=4K
        write-path md\(log)
        file size=16K
        completions manual
        write 0
        writepages
        complete \(completed)

        """ + after
    }

    /// The torn scenario, up to the power cut, and the id of page 0's data write.
    static func torn(log: String = "", completed: Int = 1) throws -> (text: String, data: Int) {
        let text = scenario(log: log, completed: completed, after: "")
        let t = try run(text)
        let state = t.state(at: t.count - 1)
        let writes = Array(state.inflight).filter { !t.request($0).isRead }
        #expect(writes.map { t.request($0).dev } == [2, 0], "P and page 0's data in flight, P first (ops_run_io walks the disks down)")
        return (text, try #require(writes.last))
    }

    /// Cut, (maybe resync,) fail dev 1, read page 1: the timeline.
    static func cutAndRead(log: String = "", completed: Int = 1, resync: Bool = false) throws -> Timeline {
        let (text, data) = try torn(log: log, completed: completed)
        return try run(text + "powercut landed=\(data)\n" + (resync ? "resync\n" : "") + "completions auto\nfail dev=1\nread 1\n")
    }

    static func functions(_ t: Timeline) -> [KernelFunction] {
        (0..<t.count).compactMap { if case .call(let call) = t.payload(of: $0) { return call.function }; return nil }
    }

    /// No log, no resync: md rebuilds page 1 as page 0 ⊕ P from the stale P and returns
    /// it without an error: rule 8 breaks, and the token is exactly that XOR.
    @Test func tornStripeWithoutResyncReadsGarbage() throws {
        let t = try Self.cutAndRead()
        let end = t.state(at: t.count - 1)
        let onDisk = { (dev: Int) in end.devices[dev].token(at: 0) }
        #expect(end.pages[1].flags.contains(.uptodate) && !end.pages[1].flags.contains(.error), "md returns it silently")
        #expect(end.pages[1].token == onDisk(0) ^ onDisk(2))
        #expect(end.pages[1].token != onDisk(1), "not what the failed disk held")
        let dishonest = PowercutTests.violations(t, rule: 8)
        #expect(dishonest.count == 1)
        #expect(dishonest.first?.hasPrefix("dishonest read: page 1 read ") == true)
        #expect(dishonest.first?.contains("from dev 1 object page 0 (failed: rebuilt from its row)") == true)
        #expect(Self.functions(t).contains(.fetch_block) && Self.functions(t).contains(.ops_run_compute5))
    }

    /// The power cut leaves md's array dirty: rcw is forced until `resync` clears it.
    @Test func powercutLeavesTheArrayDirtyUntilResync() throws {
        let (text, data) = try Self.torn()
        let cut = try run(text + "powercut landed=\(data)\n")
        #expect(cut.state(at: cut.count - 1).arrayDirty)
        #expect(cut.state(at: cut.count - 1).cachedPages == 0)
        let synced = try run(text + "powercut landed=\(data)\nresync\n")
        let end = synced.state(at: synced.count - 1)
        #expect(!end.arrayDirty)
        #expect(end.inconsistentUnits(stripe: 0, row: 0).isEmpty)
        // Nothing written in md at the cut (the writes completed): the array is clean.
        let idle = try run(text + "completions auto\nfsync\npowercut\n")
        #expect(!idle.state(at: idle.count - 1).arrayDirty)
        // On the ORE the same cut marks nothing dirty.
        let ore = try run(text.replacingOccurrences(of: "write-path md\n", with: "") + "powercut\n")
        #expect(!ore.state(at: ore.count - 1).arrayDirty)
    }

    /// `resync` recomputes P from the data that landed: the rebuild of page 1 is what
    /// dev 1 held. Rule 8 kept.
    @Test func resyncKeepsReadsHonest() throws {
        let t = try Self.cutAndRead(resync: true)
        let end = t.state(at: t.count - 1)
        #expect(end.pages[1].token == end.devices[1].token(at: 0))
        #expect(PowercutTests.violations(t, rule: 8).isEmpty)
    }

    /// `log=ppl`: the partial parity (page 1's old block) landed before the writes;
    /// `ppl_recover_entry` writes P = partial parity ⊕ page 0 as it landed. Rule 8
    /// kept, and the array is clean (no resync needed).
    @Test func pplKeepsReadsHonest() throws {
        let t = try Self.cutAndRead(log: " log=ppl", completed: 2)
        let end = t.state(at: t.count - 1)
        #expect(Self.functions(t).contains(.ppl_recover_entry))
        #expect(end.devices[2].token(at: 0) == end.devices[0].token(at: 0) ^ end.devices[1].token(at: 0))
        #expect(end.pages[1].token == end.devices[1].token(at: 0))
        #expect(PowercutTests.violations(t, rule: 8).isEmpty)
        #expect(!end.arrayDirty)
    }

    /// `log=ppl` on a full stripe: `ppl_log_stripe` writes no partial parity ("don't
    /// write any PP if full stripe write") but still logs the stripe's header entry
    /// before the writes, and `ppl_recover_entry` with `pp_size` 0 "just xor[s] the
    /// data disks". Torn with page 0's data landed and page 1's and P lost, P is
    /// rewritten from the data as it landed: no stale row, rule 8 kept.
    @Test func pplLogsAFullStripeToo() throws {
        let text = """
            layout raid5 devices=3 stripe-unit=4K
            write-path md log=ppl
            file size=16K
            completions manual
            write 0..1
            writepages

            """
        let logged = try run(text)
        let inFlight = Array(logged.state(at: logged.count - 1).inflight).map { logged.request($0) }
        #expect(inFlight.map(\.dev) == [3], "the log write alone is in flight before the array's")
        let torn = try run(text + "complete 1\n")
        let writes = Array(torn.state(at: torn.count - 1).inflight)
        let data0 = try #require(writes.first { torn.request($0).dev == 0 })
        let t = try run(text + "complete 1\npowercut landed=\(data0)\ncompletions auto\nfail dev=1\nread 1\n")
        let end = t.state(at: t.count - 1)
        #expect(Self.functions(t).contains(.ppl_recover_entry))
        #expect(end.devices[2].token(at: 0) == end.devices[0].token(at: 0) ^ end.devices[1].token(at: 0))
        #expect(PowercutTests.violations(t, rule: 8).isEmpty)
        #expect(PowercutTests.violations(t, rule: 2).isEmpty)
    }

    /// `log=journal`: the entry (page 0's data and P) is complete on the log, so
    /// `r5l_recovery_replay_one_stripe` writes both again: P lands after all. Rule 8 kept.
    @Test func journalKeepsReadsHonest() throws {
        let (text, _) = try Self.torn(log: " log=journal", completed: 2)
        let before = try run(text)
        let newParity = try #require(before.entries(of: before.request(Array(before.state(at: before.count - 1).inflight).first!)).first?.value)
        let t = try Self.cutAndRead(log: " log=journal", completed: 2)
        let end = t.state(at: t.count - 1)
        #expect(Self.functions(t).contains(.r5l_recovery_replay_one_stripe))
        #expect(end.devices[2].token(at: 0) == newParity, "the journal's P replayed")
        #expect(end.pages[1].token == end.devices[1].token(at: 0))
        #expect(PowercutTests.violations(t, rule: 8).isEmpty)
    }

    /// A journal entry that had not all landed is not replayed (its checksum fails):
    /// the cut before the log write completes leaves the disks as they were.
    @Test func incompleteJournalEntryIsNotReplayed() throws {
        let text = Self.scenario(log: " log=journal", completed: 1, after: "powercut\n")
        let t = try run(text)
        #expect(!Self.functions(t).contains(.r5l_recovery_replay_one_stripe))
        #expect(t.state(at: t.count - 1).inconsistentUnits(stripe: 0, row: 0).isEmpty)
    }

    /// The ORE on the same write (its r4w reads page 1 from the page cache's read, so
    /// the data and parity writes are in flight at once without a `complete`), torn the
    /// same way: `-EIO` with the error flag where md returned garbage, no rule 8.
    @Test func oreOnTheSameWorkloadFailsHonestly() throws {
        let ore = PowercutTests.torn
        let before = try run(ore)
        let oreData = try #require(Array(before.state(at: before.count - 1).inflight).first { before.request($0).dev == 0 })
        let t = try run(ore + "powercut landed=\(oreData)\ncompletions auto\nfail dev=1\nread 1\n")
        let end = t.state(at: t.count - 1)
        #expect(end.pages[1].flags.contains(.error) && !end.pages[1].flags.contains(.uptodate))
        #expect(end.inconsistentUnits(stripe: 0, row: 0) == [0], "the same stale row as md's")
        #expect(PowercutTests.violations(t, rule: 8).isEmpty)
    }
}

/// md's degraded reads on RAID6 (4 disks, 4K chunks; md's row 0: Q on dev 0, page 0 on
/// dev 1, page 1 on dev 2, P on dev 3), everything landed: one and two failures are
/// rebuilt right (`ops_run_compute6_1`, `ops_run_compute6_2`), three fail with `-EIO`.
struct MdDegradedReadTests {
    static let written = """
        layout raid6 devices=4 stripe-unit=4K
        write-path md
        file size=8K
        write 0..1
        writepages sync

        """

    @Test func raid6OneAndTwoFailures() throws {
        let clean = try run(Self.written)
        let disk = clean.state(at: clean.count - 1)
        let want = [disk.devices[1].token(at: 0), disk.devices[2].token(at: 0)]
        #expect(want == [disk.pages[0].token, disk.pages[1].token], "md's geometry: pages 0 and 1 on devs 1 and 2")
        for (failed, compute) in [([1], KernelFunction.ops_run_compute6_1), ([1, 2], .ops_run_compute6_2), ([2, 3], .ops_run_compute6_2)] {
            let t = try run(Self.written + "evict 0..1\n" + failed.map { "fail dev=\($0)\n" }.joined() + "read 0..1\n")
            let end = t.state(at: t.count - 1)
            #expect([end.pages[0].token, end.pages[1].token] == want, "devs \(failed)")
            #expect(MdPowercutTests.functions(t).contains(compute), "devs \(failed)")
            #expect(PowercutTests.violations(t, rule: 8).isEmpty)
        }
        let three = try run(Self.written + "evict 0..1\nfail dev=1\nfail dev=2\nfail dev=3\nread 0..1\n")
        let end = three.state(at: three.count - 1)
        #expect(end.pages[0].flags.contains(.error) && end.pages[1].flags.contains(.error))
    }
}
