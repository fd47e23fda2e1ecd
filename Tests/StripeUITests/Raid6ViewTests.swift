import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// RAID6 on screen: the stripe map and the sp2d name P and Q, and the map's bottom
/// border gives the focused stripe's P and Q as they are on disk.
struct Raid6ViewTests {
    func timeline(_ name: String) throws -> Timeline {
        let text = try #require(BundledScenarios.text(named: name))
        return Engine.run(try ScenarioParser.parse(text, name: "\(name).scn"))
    }

    /// At the `xor` event of the partial-stripe lesson: row 1 of stripe 0 is written
    /// (page 3), got (1 from the cache, 5 read) and gets P and Q.
    @Test func partialStripeShowsPAndQ() throws {
        let t = try timeline("raid6-partial-stripe")
        let xor = try firstCall(t, ._gen_xor_unit, plus: 1)
        let model = DebuggerModel(timeline: t, width: 200, height: 60, monochrome: true, at: xor)
        let lines = model.view().lines
        // Page 5's r4w read is done; page 3 and row 1 of P and Q are planned.
        #expect(lines.contains { $0.contains("│s0 D0 ·· D1 ·w D2 ·✓ P  ·p Q  ·p") })
        #expect(lines.contains { $0.contains("│s1 D2 ·· P  ·· Q  ·· D0 ·· D1 ··") })
        #expect(lines.contains { $0.contains("sp2d s0 c0 c1 c2 P  Q") })
        #expect(lines.contains { $0.contains("r1 C1 W3 R5 P  Q") }, "\(lines.joined(separator: "\n"))")
    }

    /// In the write hole (P landed, Q not) the border shows the new P and the old Q: the
    /// same values the devices hold.
    @Test func writeHoleBorderShowsOnDiskPAndQ() throws {
        let t = try timeline("raid6-write-hole")
        let seq = try #require((0..<t.count).first { seq in
            if case .ioDone(let done) = t.payload(of: seq) { return done.request.dev == 2 } else { return false }
        })
        let model = DebuggerModel(timeline: t, width: 120, height: 40, monochrome: true, at: seq)
        let devices = model.state.devices
        let border = " s0 r0: P \(Token.hex(devices[2].token(at: 0)))  Q \(Token.hex(devices[3].token(at: 0))) "
        #expect(model.view().lines.contains { $0.contains("└" + border + "─") })
        let before = t.state(at: try firstCall(t, .writepages)).devices
        #expect(devices[2].token(at: 0) != before[2].token(at: 0) && devices[3].token(at: 0) == before[3].token(at: 0))
        #expect(!model.state.isParityConsistent(stripe: 0))
        #expect(model.state.inconsistentUnits(stripe: 0, row: 0) == [1])
    }
}
