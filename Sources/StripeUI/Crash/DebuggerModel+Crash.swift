import StripeCore

extension DebuggerModel {
    /// `x`: opens the crash browser on the states a power cut right after the cursor's
    /// event can leave.
    mutating func pullThePlug() {
        guard let browser = CrashBrowser(timeline: timeline, at: cursor) else {
            message = Message(text: "no layout yet: nothing on the devices to cut the power of", isError: true)
            return
        }
        mode = .crash(browser)
    }
}
