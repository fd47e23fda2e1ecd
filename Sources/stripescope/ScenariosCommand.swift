import ArgumentParser
import StripeAssets
import StripeCore

/// `stripescope scenarios`: the bundled scenarios in lesson order, each marked with what
/// `check` says of it, so a teacher can tell a scenario that breaks an invariant on purpose
/// from a broken tool.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the bundled scenarios in lesson order, with their titles.",
        discussion: """
            A check mark: every invariant holds. A cross and 'rule N': the scenario breaks \
            invariant N on purpose, to show it; 'BUG': the modelled kernel BUGs or hangs \
            ('stripescope check NAME' exits 1 and says where).
            """)

    /// ASCII in the help too: man renders the generated page's UTF-8 as nothing.
    @Flag(help: "Mark with 'ok' and 'x' instead of a check mark and a cross (for a terminal without UTF-8).")
    var ascii = false

    func run() throws {
        let rows = try BundledScenarios.all.map { name, text in
            let scenario = try ScenarioParser.parse(text, name: "\(name).scn")
            let timeline = Engine.run(scenario)
            let outcome = timeline.checkOutcome
            let claims = outcome.failedClaims.compactMap { seq -> Int? in
                if case .claimFailed(let line, _, _) = timeline.payload(of: seq) { return line }
                return nil
            }
            let rules = Array(Set(outcome.violations.map { timeline.event($0).a })).sorted()
            return (name: name, mark: mark(rules, bug: outcome.kernelBug != nil, claims: claims),
                    title: scenario.title)
        }
        let nameWidth = rows.map(\.name.count).max() ?? 0
        let markWidth = rows.map(\.mark.count).max() ?? 0
        for row in rows {
            print(row.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                  + row.mark.padding(toLength: markWidth, withPad: " ", startingAt: 0) + "  " + row.title)
        }
        if rows.contains(where: { $0.mark != mark([], bug: false, claims: []) }) {
            print("\nScenarios marked with a rule break that invariant on purpose, and with BUG end in a kernel bug on purpose; 'stripescope check NAME' says where.")
        }
        print("\nComparisons, two worlds side by side (trace … --format summary prints where they part):")
        for lesson in BundledComparisons.all { print("  \(lesson.commandLine)\n      \(lesson.lesson)") }
    }

    /// `✓`, or `✗ rule 1` / `✗ rules 1, 2` / `✗ BUG` / `✗ rule 6, BUG` / `✗ claim line 12`.
    private func mark(_ rules: [UInt8], bug: Bool, claims: [Int]) -> String {
        guard !rules.isEmpty || bug || !claims.isEmpty else { return ascii ? "ok" : "✓" }
        var parts: [String] = []
        if !rules.isEmpty {
            parts.append((rules.count == 1 ? "rule " : "rules ") + rules.map(String.init).joined(separator: ", "))
        }
        if bug { parts.append("BUG") }
        if !claims.isEmpty { parts.append((claims.count == 1 ? "claim line " : "claim lines ") + Set(claims).sorted().map(String.init).joined(separator: ", ")) }
        return (ascii ? "x " : "✗ ") + parts.joined(separator: ", ")
    }
}
