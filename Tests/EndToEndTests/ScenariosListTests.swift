import Foundation
import StripeAssets
import Testing

/// `stripescope scenarios`: every bundled scenario once, in lesson order, and its mark agrees
/// with what `stripescope check` does with it.
struct ScenariosListTests {
    /// The scenario rows (up to the blank line before the note), split into name and the rest.
    static func rows(_ arguments: [String] = []) throws -> [(name: String, rest: String)] {
        let r = try Binary.run(["scenarios"] + arguments)
        #expect(r.status == 0 && r.stderr.isEmpty)
        return r.stdout.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }.map { line in
            let name = line.prefix { $0 != " " }
            return (String(name), String(line.dropFirst(name.count)))
        }
    }

    /// The invariant numbers in `check`'s messages ("…: invariant 2 (parity consistency) broken: …").
    static func rulesCheckReports(_ stderr: String) -> Set<String> {
        Set(stderr.matches(of: /invariant (\d+) \(/).map { String($0.1) })
    }

    @Test func everyBundledScenarioInLessonOrder() throws {
        let rows = try Self.rows()
        #expect(rows.map(\.name) == BundledScenarios.all.map(\.name))
        #expect(rows.first?.name == "full-stripe")
        let partialStripe = try #require(rows.first { $0.name == "partial-stripe" })
        #expect(partialStripe.rest.contains("A partial-stripe write"))
    }

    @Test func crossesMarkExactlyTheScenariosCheckFails() throws {
        var failing: [String] = []
        for row in try Self.rows() {
            let check = try Binary.run(["check", row.name])
            #expect(check.status == 0 || check.status == 1, "check \(row.name): \(check.stderr)")
            let mark = row.rest.trimmingCharacters(in: .whitespaces)
            if check.status == 1 {
                failing.append(row.name)
                let marked = try #require(mark.firstMatch(of: /^✗ (?:rules? ([0-9, ]+?))?(?:, )?(BUG)?\s\s/), "\(row.name): \(mark)")
                let rules = Set((marked.1 ?? "").split(separator: ", ").map(String.init))
                #expect(rules == Self.rulesCheckReports(check.stderr), "\(row.name): \(mark) vs \(check.stderr)")
                #expect((marked.2 != nil) == check.stderr.contains("kernel BUG"), "\(row.name): \(mark) vs \(check.stderr)")
            } else {
                #expect(mark.hasPrefix("✓ "), "\(row.name): \(mark)")
            }
        }
        #expect(!failing.isEmpty)
        #expect(failing.contains("r4w-off"))
    }

    @Test func asciiMarksTheSameScenarios() throws {
        let unicode = try Self.rows()
        let ascii = try Self.rows(["--ascii"])
        #expect(ascii.allSatisfy { ($0.name + $0.rest).unicodeScalars.allSatisfy(\.isASCII) })
        #expect(ascii.filter { $0.rest.hasPrefix("  x ") }.map(\.name) == unicode.filter { $0.rest.hasPrefix("  ✗ ") }.map(\.name))
    }
}
