import Foundation
import Testing

/// `expect` and `quiz` from the command line: exit statuses, the named line, the JSON.
struct ClaimCLITests {
    static let scenario = """
        layout raid5 devices=4 stripe-unit=4K
        file size=24K
        write 1
        writepages
        note Page 1 and its parity went out; r4w read pages 0 and 2.
        expect dev-pages-written=2, r4w-reads=2, flags 1 U
        """

    @Test func trueClaimsPass() throws {
        let r = try Binary.run(["check", try Binary.scratch(Self.scenario).path])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func aFalseClaimExitsOneNamingItsLine() throws {
        let url = try Binary.scratch(Self.scenario + "\nexpect in-flight=1")
        let r = try Binary.run(["check", url.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(url.path):7: claim failed: expect in-flight=1, but in-flight=0"), "\(r.stderr)")
        let trace = try Binary.run(["trace", url.path, "--format", "jsonl"])
        let failed = try trace.stdout.split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["kind"] as? String == "claim_failed" }
        #expect(failed.count == 1)
        #expect(failed.first?["line"] as? Int == 7 && failed.first?["claim"] as? String == "in-flight=1"
                && failed.first?["actual"] as? String == "in-flight=0")
    }

    @Test func aBadClaimIsBadInput() throws {
        let url = try Binary.scratch(Self.scenario + "\nexpect flags 1 Q")
        let r = try Binary.run(["check", url.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("\(url.lastPathComponent):7:16: unknown flag letter 'Q'"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func quizJSONHasTheSpecSchemaAndItsScenarioRuns() throws {
        let r = try Binary.run(["quiz", "--seed", "7", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["seed"] as? Int == 7)
        let text = try #require(object["scenario"] as? String)
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(!questions.isEmpty)
        for q in questions {
            #expect(Set(q.keys) == ["line", "kind", "args", "prompt", "answer"])
            let line = text.split(separator: "\n")[(q["line"] as! Int) - 1]
            #expect(line.hasPrefix("ask \(q["kind"] as! String)"))
        }
        // The problem is a scenario like any other (it may strand pages on purpose).
        #expect(try Binary.run(["check", try Binary.scratch(text).path]).status != 2)
        #expect(try Binary.run(["quiz", "--seed", "7", "--format", "json"]).stdout == r.stdout)
    }

    @Test func quizSheetAndAnswers() throws {
        let sheet = try Binary.run(["quiz", "--seed", "3", "--format", "text"])
        let answers = try Binary.run(["quiz", "--seed", "3", "--format", "text", "--answers"])
        #expect(sheet.status == 0 && answers.status == 0)
        #expect(!sheet.stdout.contains("answer:") && answers.stdout.contains("answer:"))
        let answerLines = Set(answers.stdout.split(separator: "\n"))
        #expect(sheet.stdout.split(separator: "\n").allSatisfy(answerLines.contains), "the sheet, with answers added")
    }

    @Test func quizRejectsAnUnknownKind() throws {
        let r = try Binary.run(["quiz", "--kind", "nope", "--format", "json"])
        #expect(r.status == 2 && r.stderr.contains("--kind: expected one of"))
    }
}
