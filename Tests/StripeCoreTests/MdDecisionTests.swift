import Testing
@testable import StripeCore

/// md's `handle_stripe_dirtying` worked out by hand from raid5.c's counting, on row 0 of
/// a 16K-chunk array. Row 0 of chunk row 0: RAID5 on 5 disks has data pages 0, 4, 8, 12
/// on disks 0..3 and P on disk 4; on 4 disks pages 0, 4, 8 on disks 0..2 and P on 3.
/// rmw counts the written blocks and P not UPTODATE; rcw the data blocks neither
/// overwritten nor UPTODATE; rmw wins only when smaller (or on a tie with prefer).
struct MdDecisionTests {
    /// The scenario: a cold stripe cache (and page cache), `pages` written, a sync writeback.
    static func scenario(devices: Int, pages: [Int], options: String = "", before: String = "") -> String {
        """
        layout raid5 devices=\(devices) stripe-unit=16K
        write-path md\(options)
        file size=256K
        \(before)
        \(pages.map { "write \($0)" }.joined(separator: "\n"))
        writepages
        check
        """
    }

    struct Outcome: Equatable {
        var rmw: Int, rcw: Int, choice: MdDecision.Choice, reads: [Int]
        /// Device pages read and written by the last command with a writeback.
        var devPagesRead: Int, devPagesWritten: Int
    }

    /// The first decision for row 0 in the last `writepages`, and that command's device I/O.
    static func outcome(_ text: String) throws -> Outcome {
        let timeline = try run(text)
        var start = 0
        for seq in 0..<timeline.count where timeline.event(seq).kind == .command {
            if case .command(_, let line, _) = timeline.payload(of: seq), line.hasPrefix("writepages") { start = seq }
        }
        var first: MdDecision?
        var read = 0, written = 0
        for seq in start..<timeline.count {
            switch timeline.payload(of: seq) {
            case .mdDecision(let d) where d.row == 0 && first == nil: first = d
            case .devRead(let r): read += r.request.entries.count
            case .devWrite(let r): written += r.request.entries.count
            case .violation(_, let detail): Issue.record("violation: \(detail)")
            default: break
            }
        }
        let d = try #require(first)
        return Outcome(rmw: d.rmw, rcw: d.rcw, choice: d.choice, reads: d.reads, devPagesRead: read, devPagesWritten: written)
    }

    @Test func onePageOfFiveDisksReadsOldDataAndParity() throws {
        #expect(try Self.outcome(Self.scenario(devices: 5, pages: [0]))
                == Outcome(rmw: 2, rcw: 3, choice: .rmw, reads: [0, 4], devPagesRead: 2, devPagesWritten: 2))
    }

    @Test func twoPagesOfFiveDisksReadTheOtherTwo() throws {
        #expect(try Self.outcome(Self.scenario(devices: 5, pages: [0, 4]))
                == Outcome(rmw: 3, rcw: 2, choice: .rcw, reads: [2, 3], devPagesRead: 2, devPagesWritten: 3))
    }

    @Test func threePagesOfFiveDisksReadTheLastOne() throws {
        #expect(try Self.outcome(Self.scenario(devices: 5, pages: [0, 4, 8]))
                == Outcome(rmw: 4, rcw: 1, choice: .rcw, reads: [3], devPagesRead: 1, devPagesWritten: 4))
    }

    @Test func fourPagesOfFiveDisksAreAFullStripe() throws {
        #expect(try Self.outcome(Self.scenario(devices: 5, pages: [0, 4, 8, 12]))
                == Outcome(rmw: 5, rcw: 0, choice: .full, reads: [], devPagesRead: 0, devPagesWritten: 5))
    }

    @Test func onePageOfFourDisksIsATieThatRcwWins() throws {
        #expect(try Self.outcome(Self.scenario(devices: 4, pages: [0]))
                == Outcome(rmw: 2, rcw: 2, choice: .rcw, reads: [1, 2], devPagesRead: 2, devPagesWritten: 2))
    }

    @Test func preferTakesTheTieAsRmw() throws {
        #expect(try Self.outcome(Self.scenario(devices: 4, pages: [0], options: " rmw=prefer"))
                == Outcome(rmw: 2, rcw: 2, choice: .rmw, reads: [0, 3], devPagesRead: 2, devPagesWritten: 2))
    }

    @Test func twoPagesOfFourDisks() throws {
        #expect(try Self.outcome(Self.scenario(devices: 4, pages: [0, 4]))
                == Outcome(rmw: 3, rcw: 1, choice: .rcw, reads: [2], devPagesRead: 1, devPagesWritten: 3))
    }

    @Test func threePagesOfFourDisksAreAFullStripe() throws {
        #expect(try Self.outcome(Self.scenario(devices: 4, pages: [0, 4, 8]))
                == Outcome(rmw: 4, rcw: 0, choice: .full, reads: [], devPagesRead: 0, devPagesWritten: 4))
    }

    /// `rmw=disable` forces `rcw = 1; rmw = 2`, then counts rcw for real.
    @Test func disableForcesReconstructWrite() throws {
        #expect(try Self.outcome(Self.scenario(devices: 5, pages: [0], options: " rmw=disable"))
                == Outcome(rmw: 2, rcw: 3, choice: .rcw, reads: [1, 2, 3], devPagesRead: 3, devPagesWritten: 2))
    }

    /// The row written once already: its data block and P are UPTODATE in the stripe
    /// cache, so rmw = 0 and md writes without reading anything.
    @Test func warmStripeCacheReadsNothing() throws {
        #expect(try Self.outcome(Self.scenario(devices: 5, pages: [0], before: "write 0\nwritepages"))
                == Outcome(rmw: 0, rcw: 3, choice: .rmw, reads: [], devPagesRead: 0, devPagesWritten: 2))
    }

    /// After a full-stripe write every block is UPTODATE: rmw = rcw = 0, and
    /// `schedule_reconstruction(sh, s, rcw == 0, 0)` reconstructs.
    @Test func warmFullRowReconstructsWithoutReads() throws {
        #expect(try Self.outcome(Self.scenario(devices: 5, pages: [4], before: "write 0..15\nwritepages"))
                == Outcome(rmw: 0, rcw: 0, choice: .rcw, reads: [], devPagesRead: 0, devPagesWritten: 2))
    }

    /// The page cache does not help md: a warm page cache still reads old data and P
    /// (the ORE's r4w reads nothing there).
    @Test func warmPageCacheStillReadsTwo() throws {
        #expect(try Self.outcome(Self.scenario(devices: 5, pages: [0], before: "cache 0..63"))
                == Outcome(rmw: 2, rcw: 3, choice: .rmw, reads: [0, 4], devPagesRead: 2, devPagesWritten: 2))
    }

    /// Without REQ_SYNC the stripe is not preread-active: the first decision delays it;
    /// raid5_activate_delayed then makes it preread-active and it reads.
    @Test func nosyncDelaysFirst() throws {
        let timeline = try run(Self.scenario(devices: 5, pages: [0]).replacingOccurrences(of: "writepages", with: "writepages nosync"))
        let decisions = (0..<timeline.count).compactMap { seq -> MdDecision? in
            if case .mdDecision(let d) = timeline.payload(of: seq) { return d }
            return nil
        }
        #expect(decisions.map(\.choice) == [.delayed, .rmw, .rmw])
        #expect(decisions.map(\.reads) == [[], [0, 4], []])
    }

    /// A dirty array (after an unclean shutdown; the power cut that sets it is another
    /// command's) forces reconstruct-write; `resync` makes it clean, and rmw comes back.
    @Test func dirtyArrayForcesRcwUntilResync() throws {
        let text = Self.scenario(devices: 5, pages: [0]) + "\nresync\nwrite 1\nwritepages\ncheck"
        let scenario = try ScenarioParser.parse(text, name: "t")
        let md = Engine(scenario: scenario, keyframeInterval: 4096)
        let setup = scenario.lines.prefix { if case .write = $0.command { false } else { true } }
        for line in setup { md.execute(line) }
        md.stage(.arrayDirty(true))
        for line in scenario.lines.dropFirst(setup.count) { md.execute(line) }
        let decisions = (0..<md.timeline.count).compactMap { seq -> MdDecision? in
            if case .mdDecision(let d) = md.timeline.payload(of: seq) { return d }
            return nil
        }
        #expect(decisions.first.map { [$0.rmw, $0.rcw] } == [2, 3])
        #expect(decisions.first?.choice == .rcw)
        #expect(decisions.first?.reads == [1, 2, 3])
        let afterResync = try #require(decisions.first { $0.row == 1 })
        #expect(afterResync.choice == .rmw && afterResync.reads == [0, 4])
        #expect(!md.state.arrayDirty)
        #expect(!(0..<md.timeline.count).contains { md.timeline.event($0).kind == .violation })
    }
}
