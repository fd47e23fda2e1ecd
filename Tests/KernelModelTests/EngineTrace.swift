import Foundation
import StripeCore

/// Reads the engine's run back through its public SPEC 7 JSON (`timeline.json(of:)`) into the
/// same shape the model records, without looking at how the engine computed it.
enum EngineTrace {
    static func read(_ timeline: Timeline) -> KTrace {
        var trace = KTrace()
        var exec: KWriteExec?
        var execDepth = -1
        var inCheck = false
        var flags: [Int: KFlags] = [:]
        for seq in 0..<timeline.count {
            let event = try! JSONSerialization.jsonObject(with: Data(timeline.json(of: seq).utf8)) as! [String: Any]
            let kind = event["kind"] as! String
            let depth = event["depth"] as! Int
            func int(_ key: String) -> Int { event[key] as! Int }
            switch kind {
            case "command":
                inCheck = (event["text"] as! String).trimmingCharacters(in: .whitespaces) == "check"
                if inCheck { trace.checks.append([]) }
            case "violation" where inCheck:
                let rule = int("rule")
                if !trace.checks[trace.checks.count - 1].contains(rule) {
                    trace.checks[trace.checks.count - 1].append(rule)
                    trace.checks[trace.checks.count - 1].sort()
                }
            case "call" where event["fn"] as? String == "write_exec":
                let args = event["args"] as! [String: Any]
                exec = KWriteExec(pgFirst: args["pg_first"] as! Int, nrPages: args["nr_pages"] as! Int)
                execDepth = depth
            case "return" where event["fn"] as? String == "write_exec" && depth == execDepth:
                if let done = exec, done.nrPages > 0 { trace.execs.append(done) }
                exec = nil
            case "r4w_get_page":
                exec?.gets.append(KGet(index: int("index"), uptodate: event["uptodate"] as! Bool,
                                       source: event["source"] as! String))
            case "r4w_put_page": exec?.puts.append(int("index"))
            case "dev_read": exec?.reads.append(devIO(event))
            case "dev_write":
                exec?.writes.append(devIO(event))
                if exec != nil && exec?.tokenOf == nil {
                    let state = timeline.state(at: seq)
                    exec?.tokenOf = { state.pages[$0].token }
                }
                let request = timeline.request(Int(timeline.event(seq).i))
                for entry in timeline.entries(of: request) where entry.isParity {
                    exec?.parityValues[KWriteExec.at(dev: request.dev, byte: entry.objPage * 4096)] = entry.value
                }
            case "xor":
                let rows = event["rows"] as! [Int]
                exec?.xors.append([event["parity_dev"] as! Int, rows[0], rows[1]] + ((event["q_dev"] as? Int).map { [$0] } ?? []))
            case "page_add": flags[int("index")] = []
            case "page_remove": flags[int("index")] = nil
            case "page":
                let index = int("index")
                flags[index]?.formUnion(KFlags(names: event["set"] as! [String]))
                flags[index]?.subtract(KFlags(names: event["clear"] as! [String]))
            case "kernel_bug": trace.kernelBug = event["fn"] as? String
            default: break
            }
        }
        if let open = exec { trace.execs.append(open) }
        trace.finalFlags = flags.mapValues(\.text)
        return trace
    }

    private static func devIO(_ event: [String: Any]) -> KDevIO {
        func ranges(_ key: String) -> [(UInt64, UInt64)] {
            ((event[key] as? [[Int]]) ?? []).map { (UInt64($0[0]), UInt64($0[1])) }
        }
        return KDevIO(dev: event["dev"] as! Int, extents: ranges("extents"), parity: ranges("parity_extents"))
    }
}
