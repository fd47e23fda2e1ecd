import Foundation
import Testing
@testable import StripeCore

/// Every reference scenario gives exactly the outcome of the independent reference model.
struct ReferenceScenarioTests {
    static let names = ["append-final", "append-seed", "cold-cache", "full-stripe", "gap", "partial-ends", "raid0", "rows"]

    @Test(arguments: names)
    func matchesExpected(name: String) throws {
        let text = try String(contentsOf: referenceDirectory.appendingPathComponent("\(name).scn"), encoding: .utf8)
        let json = try Data(contentsOf: referenceDirectory.appendingPathComponent("\(name).json"))
        let expected = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
        let timeline = try run(text, name: "\(name).scn")

        let execs = try #require(expected["execs"] as? [[String: Any]])
        let want = execs.map { exec in
            ExecSummary(
                pages: exec["pages"] as! [Int],
                getPage: (exec["get_page"] as! [[Any]]).map { [$0[0] as! Int, ($0[1] as! Bool) ? 1 : 0] },
                putPage: exec["put_page"] as! [Int],
                devRead: exec["dev_read"] as! [[Int]],
                devWrite: exec["dev_write"] as! [[Int]])
        }
        #expect(timeline.execSummaries() == want)

        let final = timeline.state(at: timeline.count - 1)
        #expect(final.isQuiescent)
        let inconsistent = (0..<final.stripeSpan).flatMap { s in final.inconsistentRows(stripe: s).map { [Int(s), $0] } }
        #expect(inconsistent.isEmpty)
        let violations = (0..<timeline.count).filter { timeline.event($0).kind == .violation }
        #expect(violations.isEmpty, "violations: \(violations.map { timeline.text(of: $0) })")
    }
}
