import StripeCore

/// The crash browser (`x`, "pull the plug here"): the crash states a power cut right
/// after the cursor's event can leave, one chosen, and a device to fail, so the screen
/// can show what reads then return under the ORE and under md. A mode of its own with
/// its own keys; Esc goes back to the timeline where it was.
public struct CrashBrowser: Equatable, Sendable {
    public let crash: CrashStates
    public let layout: OreLayout
    /// Pages of the file (`i_size`) at the event.
    public let filePages: Int
    /// Stripes the devices hold data or parity of at the event.
    public let stripes: Int
    public private(set) var selected = 0
    public private(set) var failedDev = 0
    /// What the last key did not do, said on the browser's status line.
    public private(set) var message: String?

    /// The crash states after event `event`; nil without a layout (nothing to cut).
    public init?(timeline: Timeline, at event: Int) {
        let state = timeline.state(at: event)
        guard let layout = state.layout else { return nil }
        crash = CrashStates(timeline: timeline, at: event, granularity: .request)
        self.layout = layout
        filePages = Int((state.iSize + pageSize - 1) / pageSize)
        stripes = Int(state.stripeSpan)
    }

    public static func == (a: CrashBrowser, b: CrashBrowser) -> Bool {
        a.crash.event == b.crash.event && a.selected == b.selected && a.failedDev == b.failedDev && a.message == b.message
    }

    /// The chosen state.
    public var state: CrashStates.State { crash.states[selected] }

    /// What reads return in the chosen state with `failedDev` failed.
    public var degraded: CrashStates.Degraded { state.degraded[failedDev] }

    /// The browser's keys, as its key bar and help say them.
    static let keys: [(keys: String, help: String)] = [
        ("Esc x q", "back to the timeline"), ("↑ ↓ j k", "crash state"), ("← → h l Tab", "failed device"),
        ("0-9", "fail that device"), ("PgUp PgDn Home End", "jump in the states"),
    ]

    /// Reacts to `key`; false when the browser closes.
    public mutating func key(_ key: Key) -> Bool {
        message = nil
        let devices = layout.devices
        switch key {
        case .up, .character("k"): select(selected - 1)
        case .down, .character("j"): select(selected + 1)
        case .pageUp: select(selected - 10)
        case .pageDown: select(selected + 10)
        case .home: select(0)
        case .end: select(crash.states.count - 1)
        case .left, .character("h"), .backTab: failedDev = (failedDev + devices - 1) % devices
        case .right, .character("l"), .tab: failedDev = (failedDev + 1) % devices
        case .character(let c) where c.isASCII && c.isNumber:
            let dev = Int(String(c))!
            if dev < devices { failedDev = dev } else { message = "there is no dev \(dev): the layout has devices 0..\(devices - 1)" }
        case .escape, .character("x"), .character("q"): return false
        default:
            message = "that key does nothing in the crash browser: ↑↓ choose a state, ←→ a failed device, Esc goes back"
        }
        return true
    }

    private mutating func select(_ n: Int) {
        selected = max(0, min(crash.states.count - 1, n))
    }
}
