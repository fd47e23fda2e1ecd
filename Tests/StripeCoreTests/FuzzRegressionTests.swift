import Foundation
import Testing
@testable import StripeCore

/// Inputs the fuzzer found, kept so what they broke stays fixed.
struct FuzzRegressionTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Regression")

    func text(_ name: String) throws -> String {
        try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// A second `layout` line shrank the device array under requests still in flight
    /// (index out of range). It is now a parse error.
    @Test func secondLayoutIsRejected() throws {
        #expect(throws: ScenarioError.self) { try ScenarioParser.parse(try text("second-layout.scn"), name: "second-layout.scn") }
    }

    /// A 516K stripe unit makes the kernel's max_io_length 0, which once made
    /// writepage_strip find the pcol always full and loop forever. As written, the kernel's
    /// pcol_try_alloc fails with -ENOMEM instead: the run ends, nothing is written, and
    /// the dropped pages leave the mapping with -EIO.
    @Test func hugeStripeUnitFailsWithENOMEM() throws {
        let t = try run(try text("huge-stripe-unit-hang.scn"))
        #expect(t.execSummaries().isEmpty)
        #expect(t.state(at: t.count - 1).mappingError)
        let layout = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 516 << 10)
        #expect(layout.maxIOLength(era: .linux4_18) == 0)
        // Past 249 pages the unsigned subtraction wraps: no practical limit.
        let raid0 = try OreLayout(raid: .raid0, devices: 2, stripeUnit: 2 << 20)
        #expect(raid0.maxIOLength(era: .linux4_18) > 1 << 60)
    }
}
