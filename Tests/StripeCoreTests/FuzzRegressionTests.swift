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

    /// A 516K stripe unit made the kernel's max_io_length 0, so writepage_strip found
    /// the pcol always full and looped forever. Each I/O is now at least one stripe.
    @Test func hugeStripeUnitStillWrites() throws {
        let t = try run(try text("huge-stripe-unit-hang.scn"))
        #expect(t.execSummaries().count >= 1)
        let layout = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 516 << 10)
        #expect(layout.maxIOLength == layout.stripeBytes)
        let raid0 = try OreLayout(raid: .raid0, devices: 2, stripeUnit: 2 << 20)
        #expect(raid0.maxIOLength == raid0.stripeUnit)
    }
}
