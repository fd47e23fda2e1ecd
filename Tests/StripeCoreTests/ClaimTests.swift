import Testing
@testable import StripeCore

/// `expect` claims (SPEC 12): each kind true and false on hand-made scenarios, with the
/// exact `claim_failed` fields a false one leaves.
struct ClaimTests {
    /// RAID5, 4 devices, one-page units: a stripe is pages 0..2 (devs 0, 1, 2) with parity
    /// on dev 3. Writing page 1 of a cold 6-page file reads pages 0 and 2 for r4w
    /// (2 device pages) and writes page 1 and its parity (2 device pages).
    static let partial = """
        layout raid5 devices=4 stripe-unit=4K
        file size=24K
        write 1
        writepages
        """

    /// Groups of 3 devices, 2 stripes deep: the pump strands pages 8..9 (rules 1 and 6).
    static let stranded = """
        layout raid5 devices=6 stripe-unit=4K group-width=3 group-depth=2
        file size=48K
        write 2..9
        writepages
        """

    /// A 512K unit: max_io_length is 0, page 0 is dropped (lost, rule 1).
    static let dropped = """
        layout raid5 devices=4 stripe-unit=512K
        write 0
        writepages
        """

    /// Manual completions: page 0 and its parity are two requests in flight; after one
    /// completes, stripe 0's parity disagrees with its data.
    static let inFlight = """
        layout raid5 devices=3 stripe-unit=4K
        file size=16K
        completions manual
        write 0
        writepages
        """

    /// RAID0 in 4.18: a write starting mid-stripe misplaces dev 0's unit.
    static let misplaced = """
        layout raid0 devices=4 stripe-unit=8K
        file size=128K
        write 3..9
        writepages
        """

    /// md on four disks, one page: a tie (rmw=2 rcw=2) that goes to reconstruct-write.
    static let mdTie = """
        layout raid5 devices=4 stripe-unit=16K
        write-path md
        file size=192K
        write 0
        writepages
        """

    /// The claim_failed events of `text` followed by `expect CLAIM`.
    func failures(_ text: String, _ claim: String) throws -> [EventPayload] {
        let t = try run(text + "\nexpect " + claim)
        return (0..<t.count).filter { t.event($0).kind == .claimFailed }.map(t.payload(of:))
    }

    static let cases: [(scenario: String, claimTrue: String, claimFalse: String, actual: String)] = [
        (partial, "flags 1 U", "flags 1 UD", "flags 1 U"),
        (partial, "flags 3..5 ·", "flags 3 -", "flags 3 ·"),
        (partial, "flags 0..2 U", "flags 0..3 U", "flags 0..2 U, 3 ·"),
        (stranded, "stranded 8..9", "stranded 4..5", "stranded 8..9"),
        (partial, "stranded none", "stranded 1", "stranded none"),
        (dropped, "lost 0", "lost none", "lost 0"),
        (partial, "lost none", "lost 1", "lost none"),
        (stranded, "rule 6", "rule 2", "rule 1, rule 6"),
        (partial, "no-violation", "rule 1", "no-violation"),
        (stranded, "rule 1", "no-violation", "rule 1, rule 6"),
        (partial, "dev-pages-written=2", "dev-pages-written=3", "dev-pages-written=2"),
        (partial, "dev-pages-read=2", "dev-pages-read=0", "dev-pages-read=2"),
        (partial, "r4w-reads=2", "r4w-reads=1", "r4w-reads=2"),
        (inFlight, "in-flight=2", "in-flight=0", "in-flight=2"),
        (inFlight + "\ncomplete 1", "inconsistent stripe=0", "inconsistent stripe=1", "inconsistent stripe=0"),
        (partial, "in-flight=0", "inconsistent stripe=0", "no inconsistent stripe"),
        (misplaced, "misplaced dev=0", "misplaced dev=1", "misplaced dev=0"),
        (partial, "no-violation", "misplaced dev=0", "no misplaced unit"),
        (partial, "no-violation", "kernel_bug lock_page", "no kernel_bug"),
        (mdTie, "choice row=0 rcw", "choice row=0 rmw", "choice row=0 rcw"),
        (mdTie, "choice row=0 rcw", "choice row=1 rcw", "no md_decision for row=1"),
    ]

    @Test(arguments: cases)
    func aTrueClaimIsSilentAndAFalseOneSaysWhatHolds(scenario: String, claimTrue: String, claimFalse: String, actual: String) throws {
        #expect(try failures(scenario, claimTrue).isEmpty, "\(claimTrue) should hold")
        let line = scenario.split(separator: "\n").count + 1
        #expect(try failures(scenario, claimFalse) == [.claimFailed(line: line, claim: claimFalse, actual: actual)])
    }

    @Test func oneLineOfClaimsFailsOnlyWhatIsFalse() throws {
        let t = try run(Self.partial + "\nnote One page and its parity.\nexpect flags 1 U,dev-pages-written=3 , no-violation")
        let failed = (0..<t.count).filter { t.event($0).kind == .claimFailed }
        #expect(failed.map(t.payload(of:)) == [.claimFailed(line: 6, claim: "dev-pages-written=3", actual: "dev-pages-written=2")])
        #expect(t.json(of: failed[0]).hasSuffix(#""kind":"claim_failed","depth":0,"line":6,"claim":"dev-pages-written=3","actual":"dev-pages-written=2"}"#))
        #expect(t.text(of: failed[0]).hasSuffix("CLAIM FAILED line 6: expect dev-pages-written=3, but dev-pages-written=2"))
        // The note's failed claims are what the TUI marks on it.
        let note = try #require((0..<t.count).first { t.event($0).kind == .note })
        #expect(t.failedClaims(ofNoteAt: note).map(\.claim) == ["dev-pages-written=3"])
        #expect(!t.checkOutcome.passes && t.checkOutcome.failedClaims == failed)
    }

    @Test func trueClaimsLeaveTheTraceAsItWas() throws {
        let plain = try run(Self.partial)
        let claimed = try run(Self.partial + "\nexpect flags 1 U, r4w-reads=2, no-violation")
        #expect(claimed.count == plain.count)
        #expect((0..<plain.count).allSatisfy { plain.json(of: $0) == claimed.json(of: $0) })
    }

    /// The ORE's write path makes no md_decision: a choice claim there is false.
    @Test func aChoiceWithoutMdDecisionsIsFalse() throws {
        #expect(try failures(Self.partial, "choice row=0 rcw") == [.claimFailed(line: 5, claim: "choice row=0 rcw", actual: "no md_decision for row=0")])
    }

    /// SPEC 12: the note and claims right after the command that hit a kernel bug still
    /// run, against the state at the bug; nothing else after it does.
    @Test func claimsRightAfterAKernelBugAreChecked() throws {
        let text = """
            layout raid5 devices=6 stripe-unit=4K group-width=3 group-depth=1
            write 0..5
            writepages sync
            fsync range=0..5
            note fsync waits forever on page 4.
            expect kernel_bug wait_on_page_writeback, stranded 4..5, kernel_bug lock_page
            write 9
            note never shown
            """
        let t = try run(text)
        let bug = try #require(t.state(at: t.count - 1).kernelBug)
        #expect(t.bugFunction(of: bug) == .wait_on_page_writeback)
        let after = ((bug + 1)..<t.count).map { t.event($0).kind }
        #expect(after == [.command, .note, .claimFailed])
        #expect(t.payload(of: t.count - 1) == .claimFailed(line: 6, claim: "kernel_bug lock_page", actual: "kernel_bug wait_on_page_writeback"))
        #expect(!(0..<t.count).contains { t.message(of: $0) == "never shown" || t.message(of: $0) == "write 9" })
    }

    static let malformed: [(String, String)] = [
        ("expect", "bad.scn:1:7: expected a claim after 'expect', like 'flags 8..9 LUW' or 'dev-pages-written=16'"),
        ("expect flags 1 UX", "bad.scn:1:17: unknown flag letter 'X'; expected L U D W E, '-' for none or '·' for absent"),
        ("expect flags 1 UU", "bad.scn:1:17: flag U is given twice"),
        ("expect flags 1", "bad.scn:1:14: 'flags' needs a page range and flag letters, like 'flags 8..9 LUW' ('-' none, '·' absent)"),
        ("expect rule 9", "bad.scn:1:13: expected a rule number from 1 to 8, found '9'"),
        ("expect no-violation, , rule 1", "bad.scn:1:30: an empty claim between commas; remove the extra comma"),
        ("expect dev-pages-written=x", "bad.scn:1:8: expected a whole number after '=', found 'dev-pages-written=x'"),
        ("expect choice row=0 maybe", "bad.scn:1:21: expected rmw, rcw or full, found 'maybe'"),
        ("expect stranded 4 5", "bad.scn:1:19: unexpected '5'; a claim ends at a comma"),
        ("expect frobnicate", "bad.scn:1:8: unknown claim 'frobnicate'; expected one of flags, stranded, lost, rule, no-violation, kernel_bug, dev-pages-written=N, dev-pages-read=N, r4w-reads=N, in-flight=N, inconsistent stripe=S, misplaced dev=D, choice row=R"),
        ("expect kernel_bug nosuch", "bad.scn:1:19: unknown kernel function 'nosuch'; expected one of " + KernelFunction.allCases.map(\.name).joined(separator: ", ")),
        ("ask", "bad.scn:1:4: expected a question kind (r4w-reads, writes, parity-dev, dev-of, stranded, count, choice) at the end of the line"),
        ("ask parity-dev page=3 Where?", "bad.scn:1:16: expected stripe=N after 'parity-dev', found 'page=3'"),
        ("ask count pages How many?", "bad.scn:1:11: expected dev-pages-written, dev-pages-read, r4w-reads after 'count', found 'pages'"),
    ]

    @Test(arguments: malformed)
    func aBadClaimOrQuestionNamesFileLineAndColumn(input: String, message: String) {
        #expect { try ScenarioParser.parse(input, name: "bad.scn") } throws: { "\($0)" == message }
    }
}
