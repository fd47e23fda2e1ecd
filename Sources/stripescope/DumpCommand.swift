import ArgumentParser
import StripeCore

/// `stripescope dump SCENARIO`: the state at one event as one JSON object (SPEC 8), so
/// other tools can recompute parity and check data from what the devices hold.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the state at an event as JSON: every device's object pages and tokens, the cached pages, i_size.",
        discussion: "Example: stripescope dump partial-stripe --at end | python3 -m json.tool")

    @Argument(help: "A scenario file, or the name of a bundled scenario.", completion: .custom(ScenarioInput.completions))
    var scenario: String

    @OptionGroup var memory: MemoryOption

    @Option(help: "The event number to stand at, or 'end'.")
    var at: String = "end"

    func run() throws {
        let timeline = try memory.build(try ScenarioInput.load(scenario), upTo: Int(at).map { $0 < Int.max ? $0 + 1 : $0 } ?? .max)
        let state = timeline.state(at: try RenderCommand.event(at, in: timeline))
        print(Self.json(state, timeline: timeline).encoded)
    }

    /// The state as SPEC 8's object: `devices`, `cache`, `i_size`, and SPEC 11's `in_flight`
    /// (every request not completed, with the token each page it writes carries, so the
    /// crash states can be recomputed; a read's pages carry what the device holds now);
    /// tokens as 16 hex digits.
    static func json(_ state: SimState, timeline: Timeline) -> JSONValue {
        func token(_ t: UInt64) -> JSONValue {
            let hex = String(t, radix: 16)
            return .string(String(repeating: "0", count: 16 - hex.count) + hex)
        }
        let devices = state.devices.enumerated().map { dev, device -> JSONValue in
            let pages = Int((device.objectSize + pageSize - 1) / pageSize)
            return .object([("dev", .int(Int64(dev))), ("failed", .bool(device.failed)),
                            ("pages", .array((0..<pages).map { page in
                                .object([("obj_page", .int(Int64(page))), ("token", token(device.token(at: page)))])
                            }))])
        }
        let cache = (0..<state.pageSpan).filter { state.pages[$0].present }.map { index -> JSONValue in
            .object([("index", .int(Int64(index))), ("flags", .string(state.pages[index].flags.letters)),
                     ("token", token(state.pages[index].token))])
        }
        let inFlight = state.inflight.map { id -> JSONValue in
            let request = timeline.request(id)
            let pages = timeline.entries(of: request).map { entry -> JSONValue in
                let value = request.isRead ? state.devices[request.dev].token(at: Int(entry.objPage)) : entry.value
                return .object([("obj_page", .int(Int64(entry.objPage))), ("token", token(value)), ("parity", .bool(entry.isParity))])
            }
            return .object([("id", .int(Int64(id))), ("dev", .int(Int64(request.dev))),
                            ("op", .string(request.isRead ? "read" : "write")), ("pages", .array(pages))])
        }
        return .object([("devices", .array(devices)), ("cache", .array(cache)), ("i_size", .int(Int64(state.iSize))),
                        ("in_flight", .array(inFlight))])
    }
}
