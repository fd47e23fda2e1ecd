import Foundation
import StripeAssets
import Testing

/// A run is the same in every process. Swift seeds Set and Dictionary hashing per process, so
/// an engine that iterated one in hash order would agree with itself inside one process (as
/// PropertyTests' runsAreDeterministic checks) and differ here.
struct DeterminismTests {
    @Test func twoProcessesTraceEveryBundledScenarioAlike() throws {
        for (name, _) in BundledScenarios.all {
            let first = try Binary.run(["trace", name, "--format", "jsonl"])
            let second = try Binary.run(["trace", name, "--format", "jsonl"])
            #expect(first.status == second.status, "\(name)")
            #expect(!first.stdout.isEmpty && first.stdout == second.stdout, "\(name)")
        }
    }
}
