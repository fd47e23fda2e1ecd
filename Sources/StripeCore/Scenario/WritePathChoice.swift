/// `write-path ore|md [...]`: which kernel writes the file out (SPEC 10).
public enum WritePathChoice: Sendable, Equatable {
    /// exofs over the ORE (the default).
    case ore
    /// Linux md raid5/6 under a filesystem.
    case md(MdConfig)

    /// `ore` or `md`, as the scenario names it.
    public var name: String {
        if case .md = self { return "md" }
        return "ore"
    }

    /// Said wherever two worlds write through different paths (A's `self`, B's `other`):
    /// their device requests are not expected to match. Nil for the same path.
    public func byDesign(comparedWith other: WritePathChoice) -> String? {
        guard name != other.name else { return nil }
        return "the worlds write through different write paths (A: \(name), B: \(other.name)): their device requests differ by design"
    }
}

/// md's tunables a scenario sets on `write-path md`.
public struct MdConfig: Sendable, Equatable {
    /// `rmw=`: md's `rmw_level` (sysfs `rmw_level`).
    public var rmw = RmwLevel.enable
    /// `stripe-cache=`: stripe_heads in the cache (`stripe_cache_size`, 256 by default).
    public var stripeCache = MdConfig.defaultStripeCache
    /// `log=`: md's write journal or partial parity log.
    public var log = MdLog.none

    public init(rmw: RmwLevel = .enable, stripeCache: Int = MdConfig.defaultStripeCache, log: MdLog = .none) {
        self.rmw = rmw
        self.stripeCache = stripeCache
        self.log = log
    }

    /// `NR_STRIPES`.
    public static let defaultStripeCache = 256
    /// What `raid5_set_cache_size` accepts: at least 17 (`size <= 16` is -EINVAL), at most 32768.
    public static let stripeCacheLimits = 17...32768
}

/// `conf->rmw_level`.
public enum RmwLevel: String, Sendable, CaseIterable {
    /// `PARITY_DISABLE_RMW`: always reconstruct-write.
    case disable
    /// `PARITY_ENABLE_RMW`: read-modify-write when it reads fewer blocks.
    case enable
    /// `PARITY_PREFER_RMW`: read-modify-write also on a tie.
    case prefer
}

/// md's log device (`log=`).
public enum MdLog: String, Sendable, CaseIterable {
    case none
    /// `raid5-cache.c` write-through journal: data and parity to the log first.
    case journal
    /// `raid5-ppl.c`: the partial parity before the data and parity.
    case ppl
}
