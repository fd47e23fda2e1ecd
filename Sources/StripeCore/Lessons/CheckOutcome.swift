/// What `stripescope check` concludes of a run, in one place: `check`'s exit status,
/// the marks of `stripescope scenarios` and of the TUI's lesson list all read it.
public struct CheckOutcome: Sendable, Equatable {
    /// The `violation` events.
    public var violations: [Int]
    /// The `kernel_bug` event that ended the run.
    public var kernelBug: Int?
    /// The `claim_failed` events.
    public var failedClaims: [Int]

    /// Every invariant held, the kernel did not BUG, and every claim was true.
    public var passes: Bool { violations.isEmpty && kernelBug == nil && failedClaims.isEmpty }
}

extension Timeline {
    public var checkOutcome: CheckOutcome {
        var outcome = CheckOutcome(violations: [], kernelBug: nil, failedClaims: [])
        for seq in 0..<count {
            switch events[seq].kind {
            case .violation: outcome.violations.append(seq)
            case .claimFailed: outcome.failedClaims.append(seq)
            case .kernelBug: outcome.kernelBug = seq
            default: break
            }
        }
        return outcome
    }
}
