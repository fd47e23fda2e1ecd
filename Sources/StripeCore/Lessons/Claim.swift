/// One claim of an `expect` line (SPEC 12): what the preceding note says, in a form the
/// engine checks at that point of the timeline, so a note cannot drift from the screen.
public struct Claim: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Each page of the range has exactly these flags; nil: the page is absent.
        case flags(PageRange, PageFlags?)
        /// The stranded pages are exactly these (nil: none).
        case stranded(PageRange?)
        /// The lost pages (device copy not what the user last wrote) are exactly these.
        case lost(PageRange?)
        /// A violation of rule N since the previous command.
        case rule(Int)
        /// No violation since the previous command.
        case noViolation
        /// The run ended with a `kernel_bug` in this function.
        case kernelBug(KernelFunction)
        case devPagesWritten(UInt64)
        case devPagesRead(UInt64)
        case r4wReads(UInt64)
        /// Requests in flight now (as the counters panel counts them).
        case inFlight(Int)
        /// Stripe S's on-disk parity disagrees with its on-disk data.
        case inconsistent(stripe: UInt64)
        /// A request to device D put a unit at the wrong object offset (rule 7).
        case misplaced(dev: Int)
        /// md's `handle_stripe_dirtying` chose this for array page row R.
        case choice(row: Int, MdChoice)
    }

    public var kind: Kind
    /// The claim as written (words joined by one space): the `claim` field of `claim_failed`.
    public var text: String

    public init(_ kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// What md's `handle_stripe_dirtying` decided for a stripe_head (SPEC 10's `choice`).
public enum MdChoice: String, Sendable, CaseIterable {
    case rmw, rcw, full
}

/// The counters a claim or a `count` question names, with their one definition
/// (the counters panel's and the trace summary's).
public enum CounterKind: String, Sendable, CaseIterable {
    case devPagesWritten = "dev-pages-written"
    case devPagesRead = "dev-pages-read"
    case r4wReads = "r4w-reads"

    /// The value in `state`: device pages written (issued) and read over all devices, and
    /// device pages read by r4w.
    public func value(in state: SimState) -> UInt64 {
        switch self {
        case .devPagesWritten: state.devices.reduce(0) { $0 + $1.pagesWritten }
        case .devPagesRead: state.devices.reduce(0) { $0 + $1.pagesRead }
        case .r4wReads: state.counters.r4wDevicePagesRead
        }
    }
}
