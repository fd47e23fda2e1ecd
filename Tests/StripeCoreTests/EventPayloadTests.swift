import Testing
@testable import StripeCore

/// The one decoder of events agrees with the replay and with what each event means.
struct EventPayloadTests {
    /// Over random scenarios: every event decodes to its own kind; a get_page's page
    /// and a call's page argument are the page the event is about; the sp2d cell a
    /// get_page filled is the one the replay shows one event later.
    @Test(arguments: [3, 11, 29])
    func decodesEveryEvent(seed: UInt64) throws {
        let t = try run(RandomScenario.make(seed: seed) + "\nwrite 0..9\nwritepages sync")
        var state = SimState()
        var gets = 0
        for seq in 0..<t.count {
            let payload = t.payload(of: seq)
            #expect(payload.kind == t.event(seq).kind)
            #expect(payload.page == t.pageIndex(of: seq))
            t.apply(seq, to: &state)
            guard case .r4wGetPage(let get) = payload else { continue }
            gets += 1
            let cell = try #require(get.cell, "event \(seq)")
            var next = state
            t.apply(seq + 1, to: &next)
            #expect(next.sp2d?[cell.row, cell.column] == cell.value)
            #expect(t.shownState(at: seq, from: state).sp2d?[cell.row, cell.column] == cell.value)
        }
        #expect(gets > 0)
    }

    @Test func callsKnowTheirPageAndKernelSymbol() throws {
        #expect(KernelFunction.writepage_strip.pageArgument == 0)
        #expect(KernelFunction.ore_write.pageArgument == nil)
        #expect(KernelFunction.writepages.kernelSymbol == "exofs_writepages")
        #expect(KernelFunction._read_4_write_last_stripe.kernelSymbol == "_read_4_write_last_stripe")
        let t = try run("layout raid5 devices=4 stripe-unit=16K\nfile size=64K\nwrite 5..6\nwritepages sync")
        let strip = try #require((0..<t.count).first { t.function(of: $0) == .writepage_strip })
        guard case .call(let call) = t.payload(of: strip) else { Issue.record("not a call"); return }
        #expect(call.description == "writepage_strip(index=5)")
        #expect(call.page == 5)
    }
}
