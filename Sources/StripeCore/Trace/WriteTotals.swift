/// The one definition of the write counters (SPEC 9.1) that the counters panel,
/// `trace --format summary`, `summary-json` and the Chrome trace all show: a device page
/// write counts when its request is issued (those not landed yet are in flight, shown
/// apart), and write amplification is device pages written ÷ user pages, `-` while no
/// user page was written. Before, the Chrome trace counted landed writes and the panel
/// said `-` where the summary said `0.00`.
public struct WriteTotals: Sendable, Equatable {
    /// Device pages of every write request issued so far, data and parity, every mirror.
    public var devicePagesWritten: UInt64
    /// Of those, the pages whose request has not completed yet.
    public var devicePagesInFlight: UInt64
    /// Pages the user wrote (`write_end` calls).
    public var userPagesWritten: UInt64

    public init(devicePagesWritten: UInt64, devicePagesInFlight: UInt64, userPagesWritten: UInt64) {
        self.devicePagesWritten = devicePagesWritten
        self.devicePagesInFlight = devicePagesInFlight
        self.userPagesWritten = userPagesWritten
    }

    /// The totals of `state`, from what it keeps as writes are issued and land.
    public init(_ state: SimState) {
        self.init(devicePagesWritten: state.devices.reduce(0) { $0 + $1.pagesWritten }, devicePagesInFlight: state.writePagesInFlight,
                  userPagesWritten: state.counters.userPagesWritten)
    }

    /// Device pages written per user page; nil while no user page was written.
    public var amplification: Double? {
        userPagesWritten > 0 ? Double(devicePagesWritten) / Double(userPagesWritten) : nil
    }

    /// The amplification as every output prints it: two decimals, or `-`.
    public var amplificationText: String { amplification.map(TraceSummary.format) ?? "-" }
}
