import StripeCore

/// The crash browser (`x`, "pull the plug here"): the crash states a power cut right
/// after the cursor's event can leave, one chosen, and a device to fail, so the screen
/// can show what reads then return under the ORE and under md. A mode of its own with
/// its own keys; Esc goes back to the timeline where it was.
public struct CrashBrowser: Equatable, Sendable {
    public let crash: CrashStates
    public let layout: OreLayout
    /// Where the rows live: md's geometry when md writes the scenario, else the layout.
    public let geometry: any StripeGeometry
    /// Pages of the file (`i_size`) at the event.
    public let filePages: Int
    /// Stripes the devices hold data or parity of at the event.
    public let stripes: Int
    public private(set) var selected = 0
    /// The chosen state, worked out when chosen (`CrashStates` computes a state when asked).
    public private(set) var state: CrashStates.State
    /// The first stripe a write in flight touches: where the device map starts (found
    /// once, not at every frame over millions of writes).
    let firstTouchedStripe: Int?
    public private(set) var failedDev = 0
    /// What the last key did not do, said on the browser's status line.
    public private(set) var message: String?

    /// The crash states after event `event`; nil without a layout (nothing to cut).
    public init?(timeline: Timeline, at event: Int) {
        let state = timeline.state(at: event)
        guard let layout = state.layout else { return nil }
        crash = CrashStates(timeline: timeline, at: event, granularity: .request)
        self.layout = layout
        geometry = state.geometry ?? layout
        filePages = Int((state.iSize + pageSize - 1) / pageSize)
        stripes = Int(state.stripeSpan)
        self.state = crash.state(0)
        let geometry = geometry, devices = layout.devices
        firstTouchedStripe = crash.writes.lazy.filter { $0.request.dev < devices }
            .flatMap { w in w.entries.lazy.map { Int(geometry.stripe(onDevice: w.request.dev, objPage: $0.objPage)) } }.min()
    }

    public static func == (a: CrashBrowser, b: CrashBrowser) -> Bool {
        a.crash.event == b.crash.event && a.selected == b.selected && a.failedDev == b.failedDev && a.message == b.message
    }

    /// What reads return in the chosen state with `failedDev` failed.
    public var degraded: CrashStates.Degraded { state.degraded[failedDev] }

    /// Reacts to `key`, which the crash browser's key map reads as `action` (a digit fails
    /// that device); false when the browser closes. `unbound` says why a key does nothing.
    public mutating func key(_ key: Key, action: KeyAction?, unbound: String) -> Bool {
        message = nil
        let devices = layout.devices
        if case .character(let c) = key, c.isASCII, c.isNumber {
            let dev = Int(String(c))!
            if dev < devices { failedDev = dev } else { message = "there is no dev \(dev): the layout has devices 0..\(devices - 1)" }
            return true
        }
        switch action {
        case .up: select(selected - 1)
        case .down: select(selected + 1)
        case .pageUp: select(selected - 10)
        case .pageDown: select(selected + 10)
        case .first: select(0)
        case .last: select(crash.count - 1)
        case .cursorLeft: failedDev = (failedDev + devices - 1) % devices
        case .cursorRight: failedDev = (failedDev + 1) % devices
        case .escape: return false
        default: message = unbound
        }
        return true
    }

    private mutating func select(_ n: Int) {
        let n = max(0, min(crash.count - 1, n))
        if n != selected { state = crash.state(n) }
        selected = n
    }
}
