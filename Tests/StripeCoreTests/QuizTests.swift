import Foundation
import Testing
@testable import StripeCore

/// `stripescope quiz`: the same seed gives the same problem, and every answer equals what
/// the trace shows, recomputed here from the JSONL events (and, for `dev-of`, from the
/// SPEC 2 mapping written out again), never from the generator's or the engine's answer code.
struct QuizTests {
    @Test func theSameSeedGivesTheSameProblem() throws {
        for seed: UInt64 in [0, 1, 42, 9_999] {
            let a = try Quiz(seed: seed), b = try Quiz(seed: seed)
            #expect(a.text == b.text && a.json.encoded == b.json.encoded)
        }
        let texts = Set(try (0..<20).map { try Quiz(seed: UInt64($0)).text })
        #expect(texts.count == 20, "different seeds, different problems")
    }

    static let kinds = Quiz.kinds.map { [$0] } + [Quiz.kinds, ["choice"], Quiz.mdKinds]

    @Test(arguments: kinds)
    func everyAnswerIsWhatTheTraceShows(kinds: [String]) throws {
        var asked = Set<String>()
        for seed in UInt64(0)..<40 {
            let quiz = try Quiz(seed: seed, kinds: kinds, count: max(3, kinds.count), raids: [.raid5, .raid6, .raid0])
            let events = try (0..<quiz.timeline.count).map { seq in
                try #require(JSONSerialization.jsonObject(with: Data(quiz.timeline.json(of: seq).utf8)) as? [String: Any])
            }
            let lines = quiz.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (line, question, shown) in quiz.questions {
                asked.insert(question.kind.name)
                let expected = try Self.answer(line: line, text: lines[line - 1], lines: lines, events: events)
                #expect(shown.answer.json.encoded == expected, "seed \(seed) line \(line): \(lines[line - 1])")
            }
        }
        // RAID0 has no parity: its parity-dev questions become dev-of.
        #expect(asked.isSuperset(of: kinds), "every kind asked for is asked: \(asked)")
    }

    /// The answer to the `ask` on `line`, from the events of the command after it.
    static func answer(line: Int, text: String, lines: [String], events: [[String: Any]]) throws -> String {
        let ask = try #require(events.firstIndex { $0["kind"] as? String == "command" && $0["line"] as? Int == line })
        let passive = ["ask ", "note ", "expect "]
        let start = try #require(events.indices.first { n in
            n > ask && events[n]["kind"] as? String == "command" && !passive.contains { (events[n]["text"] as! String).hasPrefix($0) }
        })
        let end = events.indices.first { $0 > start && events[$0]["kind"] as? String == "command" } ?? events.count
        let scope = Array(events[start..<end])
        func pages(_ e: [String: Any]) -> [[Int]] {
            (e["extents"] as! [[Int]]).flatMap { ext in (ext[0] / 4096...(ext[0] + ext[1] - 1) / 4096).map { [e["dev"] as! Int, $0] } }
        }
        func within(_ fn: String, _ kind: String, purpose: String?) -> String {
            guard let call = scope.firstIndex(where: { $0["kind"] as? String == "call" && $0["fn"] as? String == fn }) else { return "[]" }
            let ret = scope.indices.first { $0 > call && scope[$0]["kind"] as? String == "return" && scope[$0]["fn"] as? String == fn } ?? scope.count
            var cells = Set<[Int]>()
            for e in scope[call..<ret] where e["kind"] as? String == kind && (purpose == nil || e["purpose"] as? String == purpose) {
                cells.formUnion(pages(e))
            }
            return "[" + cells.sorted { $0.lexicographicallyPrecedes($1) }.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",") + "]"
        }
        let words = text.split(separator: " ").map(String.init)
        switch words[1] {
        case "writes": return within("ore_write", "dev_write", purpose: nil)
        case "r4w-reads": return within("write_exec", "dev_read", purpose: "r4w")
        case "parity-dev":
            let stripe = Int(words[2].dropFirst("stripe=".count))!
            let xor = try #require(scope.first { $0["kind"] as? String == "xor" && $0["stripe"] as? Int == stripe })
            return "{\"dev\":\(xor["parity_dev"] as! Int)}"
        case "dev-of":
            let location = Self.location(page: Int(words[2].dropFirst("page=".count))!, layout: lines.first { $0.hasPrefix("layout ") }!)
            return "{\"dev\":\(location.dev),\"obj_page\":\(location.objPage)}"
        case "count":
            let counted = scope.filter { e in
                switch words[2] {
                case "dev-pages-written": e["kind"] as? String == "dev_write"
                case "dev-pages-read": e["kind"] as? String == "dev_read"
                default: e["kind"] as? String == "dev_read" && e["purpose"] as? String == "r4w"
                }
            }
            return String(counted.reduce(0) { $0 + pages($1).count })
        case "choice":
            // md's first decision for the row that is not `delayed` (a row whose reads come
            // back is decided again, with nothing left to read).
            // A batch member has no decision of its own: the head's full-stripe decision runs
            // ops_run_reconstruct for it.
            let row = Int(words[2].dropFirst("row=".count))!
            var latest: String?
            for e in scope {
                if e["kind"] as? String == "md_decision" {
                    latest = e["choice"] as? String
                    if e["row"] as? Int == row, latest != "delayed" { return "\"\(latest!)\"" }
                }
                if e["kind"] as? String == "call", (e["fn"] as? String)?.hasPrefix("ops_run_reconstruct") == true,
                   (e["args"] as? [String: Any])?["row"] as? Int == row, latest == "full" {
                    return "\"full\""
                }
            }
            Issue.record("no decision for row \(row)")
            return ""
        case "stranded":
            // Page flags replayed from every page event up to the end of the command.
            var held: [Int: Set<String>] = [:]
            var inFlight = 0
            for e in events[0..<end] {
                switch e["kind"] as? String {
                case "page":
                    let index = e["index"] as! Int
                    held[index, default: []].formUnion(e["set"] as! [String])
                    held[index, default: []].subtract(e["clear"] as! [String])
                case "page_remove": held[e["index"] as! Int] = nil
                case "dev_read", "dev_write": inFlight += 1
                case "io_done": inFlight -= 1
                default: break
                }
            }
            let stranded = inFlight > 0 ? [] : held.filter { !$0.value.isDisjoint(with: ["locked", "writeback"]) }.keys.sorted()
            return "[" + stranded.map(String.init).joined(separator: ",") + "]"
        default:
            Issue.record("unexpected question \(text)")
            return ""
        }
    }

    /// SPEC 2's mapping of a file page, from the scenario's layout line.
    static func location(page: Int, layout: String) -> (dev: Int, objPage: Int) {
        var args: [String: Int] = [:]
        for word in layout.split(separator: " ").dropFirst(2) {
            let kv = word.split(separator: "=")
            args[String(kv[0])] = kv[0] == "stripe-unit" ? Int(kv[1].dropLast())! * 1024 : Int(kv[1])!
        }
        let p = layout.contains("raid6") ? 2 : layout.contains("raid5") ? 1 : 0
        let su = args["stripe-unit"]!, devices = args["devices"]!
        let w = args["group-width"] ?? devices
        let groups = devices / w
        let depth = args["group-depth"]
        let l = page * 4096
        let u = (w - p) * su
        let t = depth.map { u * $0 } ?? Int.max / 4
        let s = t * groups
        let m = l / s, g = (l % s) / t, h = (l % s) % t
        let n = h / u, c = (h % u) / su + g * w
        let objOffset = l % su + n * su + m * (depth ?? 0) * su
        var dev = c
        if p > 0 {
            let lcm = w * p / gcd(w, p) / p
            let r = n % lcm
            let first = c - c % w
            dev = (2 * w + c - r * p) % w + first
        }
        return (dev, objOffset / 4096)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
