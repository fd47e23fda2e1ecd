import Foundation
import Testing
@testable import StripeCore

/// The bundled lessons check themselves: every lesson with notes states claims, all of
/// them hold, and a changed engine fact makes them fail at the line that states it.
struct LessonClaimTests {
    static func lesson(_ name: String) throws -> String {
        try String(contentsOf: BundledScenarioTests.directory.appendingPathComponent("\(name).scn"), encoding: .utf8)
    }

    @Test(arguments: BundledScenarioTests.names)
    func everyLessonStatesClaimsAndTheyHold(name: String) throws {
        let text = try Self.lesson(name)
        let scenario = try ScenarioParser.parse(text, name: name)
        let notes = scenario.lines.filter { if case .note = $0.command { true } else { false } }
        let claims = scenario.lines.flatMap { line -> [Claim] in if case .expect(let c) = line.command { c } else { [] } }
        if !notes.isEmpty { #expect(!claims.isEmpty, "\(name) has notes and no expect") }
        let t = Engine.run(scenario)
        let failed = t.checkOutcome.failedClaims.map { t.text(of: $0) }
        #expect(failed.isEmpty, "\(name): \(failed)")
    }

    /// Each lesson's claims under a change of one engine fact (a what-if switch inserted
    /// after its layout, as a compare world B does): some claim fails, naming its line.
    static let mutations: [(lesson: String, change: String, line: Int, claim: String)] = [
        ("partial-stripe", "set r4w=off", 16, "flags 5..6 U"),
        ("group-split", "set pump=loop", 11, "stranded 8..9"),
        ("reclaim-pressure", "set writepage=on", 11, "flags 0..11 UD"),
        ("raid0-placement-final", "set placement=seed", 9, "misplaced dev=0"),
        ("append-final", "profile seed", 11, "flags 8 ·"),
        ("md-tie-prefer", "write-path md rmw=prefer", 10, "choice row=0 rcw"),
    ]

    @Test(arguments: mutations)
    func aChangedEngineFactFailsAClaim(lesson: String, change: String, line: Int, claim: String) throws {
        let a = try ScenarioParser.parse(try Self.lesson(lesson), name: lesson)
        let b = try WorldPair(a: a, commands: change).b
        let t = Engine.run(b)
        let failed = t.checkOutcome.failedClaims.compactMap { seq -> (Int, String)? in
            guard case .claimFailed(let line, let claim, _) = t.payload(of: seq) else { return nil }
            return (line, claim)
        }
        // World B's lines keep A's numbers (the inserted command takes its anchor's).
        #expect(failed.contains { $0 == (line, claim) }, "\(lesson) with \(change): \(failed)")
    }
}
