import Foundation
import StripeCore
import XCTest

/// Differential test: a few hundred random scenarios run through the engine and through the
/// independent kernel model; every write_exec, check result, final page flag and kernel_bug
/// must agree.
final class KernelModelDifferentialTests: XCTestCase {
    /// 1...300, or `KERNEL_MODEL_SEEDS=N` (one, to replay it) or `A-B` (a range, to hunt).
    static let seeds: [UInt64] = {
        guard let given = ProcessInfo.processInfo.environment["KERNEL_MODEL_SEEDS"] else { return Array(1...300) }
        let bounds = given.split(separator: "-").map { UInt64($0)! }
        return Array(bounds[0]...bounds[bounds.count - 1])
    }()

    func testEngineMatchesKernelModel() throws {
        var differences: [(seed: UInt64, what: String, text: String)] = []
        for seed in Self.seeds {
            let commands = KScenarioGenerator.make(seed: seed)
            let text = (["title kernel-model \(seed)"] + commands.map(\.text)).joined(separator: "\n")
            let scenario: Scenario
            do {
                scenario = try ScenarioParser.parse(text, name: "kernel-model-\(seed)")
            } catch {
                differences.append((seed, "the engine rejects the scenario: \(error)", text))
                continue
            }
            let engine = EngineTrace.read(Engine.run(scenario))
            let model = KernelModel.run(commands)
            if let what = KDifference.first(model: model, engine: engine) {
                differences.append((seed, what, text))
            }
        }
        if let path = ProcessInfo.processInfo.environment["KERNEL_MODEL_REPORT"] {
            let report = differences.map { "## seed \($0.seed)\n\($0.what)\n```\n\($0.text)\n```\n" }.joined(separator: "\n")
            try report.write(toFile: path, atomically: false, encoding: .utf8)  // never rename over the path (it may be /dev/null)
        }
        for difference in differences.prefix(5) {
            print("seed \(difference.seed): \(difference.what)\n\(difference.text)\n")
        }
        let kinds = Dictionary(grouping: differences) { difference in
            String(difference.what.replacingOccurrences(of: "[0-9]+", with: "N", options: .regularExpression).prefix(60))
        }
        for (kind, list) in kinds.sorted(by: { $0.value.count > $1.value.count }) {
            print("\(list.count) × \(kind) (seeds \(list.prefix(8).map(\.seed)))")
        }
        XCTAssertEqual(differences.count, 0, "\(differences.count) of \(Self.seeds.count) scenarios differ from the kernel model")
    }
}
