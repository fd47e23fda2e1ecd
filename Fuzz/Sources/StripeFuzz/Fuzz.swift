import StripeCore

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The program's entry (SwiftPM names an executable's main `<module>_main`): hands
/// control to libFuzzer's driver with our callback.
@_cdecl("StripeFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        return fuzz(data, size)
    }
}

/// libFuzzer's callback, one input: every input is a scenario; parse it and, when it parses,
/// run it and replay its timeline, so crashes and hangs in either surface.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = String(validating: bytes, as: UTF8.self),
          let scenario = try? ScenarioParser.parse(text, name: "fuzz.scn") else { return 0 }
    _ = FuzzBudget.run(scenario)
    return 0
}

/// Keeps each fuzz input small enough to run in milliseconds: the fuzzer hunts for
/// crashes in logic, not for the cost of a 16 GiB writeback.
enum FuzzBudget {
    static let maxPages = 2048

    static func run(_ scenario: Scenario) -> Timeline? {
        for line in scenario.lines {
            switch line.command {
            case .file(let size, _), .truncate(let size):
                if size > UInt64(maxPages) * pageSize { return nil }
            case .cache(let r, _), .write(let r), .read(let r), .evict(let r):
                if r.upperBound >= maxPages { return nil }
            case .fsync(let r?), .writepages(_, let r?, _):
                if r.upperBound >= maxPages { return nil }
            case .writeBytes(let offset, let length):
                if offset + length > UInt64(maxPages) * pageSize { return nil }
            case .layout(let layout):
                if layout.stripeUnit > 1 << 20 || layout.devices > 32 { return nil }
            default:
                break
            }
        }
        if scenario.lines.count > 64 { return nil }
        let timeline = Engine.run(scenario, keyframeInterval: 64)
        // Replaying must agree with the run: the state at the end two ways.
        let end = timeline.count - 1
        var forward = timeline.state(at: -1)
        timeline.advance(&forward, from: -1, to: end)
        precondition(forward == timeline.state(at: end), "replay diverged")
        return timeline
    }
}
