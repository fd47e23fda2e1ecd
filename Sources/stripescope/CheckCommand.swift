import ArgumentParser
import Foundation
import StripeCore

/// `stripescope check SCENARIO`: exit 0 when every invariant holds, 1 when one broke.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run a scenario and check the invariants and its expect claims: exit 0 if all hold, 1 if one broke, 2 for bad input.")

    @Argument(help: "A scenario file, or the name of a bundled scenario.", completion: .custom(ScenarioInput.completions))
    var scenario: String

    @OptionGroup var memory: MemoryOption

    func run() throws {
        let timeline: Timeline
        do {
            timeline = try memory.build(try ScenarioInput.load(scenario))
        } catch let failure as CLIFailure {
            failure.exit()
        }
        let outcome = timeline.checkOutcome
        let (violations, bug, claims) = (outcome.violations, outcome.kernelBug, outcome.failedClaims)
        guard !outcome.passes else {
            print("\(timeline.scenario.name): every invariant holds (\(timeline.count) events)")
            return
        }
        for seq in violations {
            guard case .violation(let rule, let detail) = timeline.payload(of: seq) else { continue }
            FileHandle.standardError.write(Data("\(timeline.scenario.name): event \(seq): invariant \(rule) (\(Invariant.name(UInt8(rule)))) broken: \(detail)\n".utf8))
        }
        for seq in claims {
            guard case .claimFailed(let line, let claim, let actual) = timeline.payload(of: seq) else { continue }
            FileHandle.standardError.write(Data("\(timeline.scenario.name):\(line): claim failed: expect \(claim), but \(actual) (event \(seq))\n".utf8))
        }
        if let bug {
            FileHandle.standardError.write(Data("\(timeline.scenario.name): event \(bug): kernel BUG in \(timeline.bugFunction(of: bug)!.name), the run stops here: \(timeline.message(of: bug)!)\n".utf8))
        }
        throw ExitCode(1)
    }

}
