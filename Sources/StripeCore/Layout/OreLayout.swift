/// The page size the whole model works in; exofs and the ORE use PAGE_SIZE.
public let pageSize: UInt64 = 4096

/// RAID level of a layout: how many parity units each stripe carries (ORE `layout->parity`).
public enum RaidLevel: String, Sendable, CaseIterable, Codable {
    /// RAID6 is ORE's `PNFS_OSD_RAID_PQ`: P and Q parity, in the final code only.
    case raid0, raid5, raid6

    /// Parity units per stripe (P).
    public var parity: Int {
        switch self {
        case .raid0: 0
        case .raid5: 1
        case .raid6: 2
        }
    }
}

/// An invalid layout: names the parameter and the rule it breaks.
public struct LayoutError: Error, Equatable, CustomStringConvertible, Sendable {
    public let parameter: String
    public let rule: String
    public var description: String { "\(parameter): \(rule)" }
}

/// The ORE's `struct ore_layout`: how a file is striped over object devices.
public struct OreLayout: Equatable, Sendable {
    public var raid: RaidLevel
    /// Total component devices (`numdevs`).
    public var devices: Int
    /// Bytes per stripe unit; a multiple of the page size.
    public var stripeUnit: UInt64
    /// Copies of every component (`mirrors_p1`).
    public var mirrors: Int
    /// Components per group (`group_width`).
    public var groupWidth: Int
    /// Stripes written in one group before the next group (`group_depth`): set whenever a group
    /// width was given (it counts even with one group), nil when unbounded (no group width).
    public var groupDepth: UInt64?

    /// How the screen names device `dev`: md's log, the one device past the array's, is
    /// `log` (SPEC 10); the others are `devN`.
    public func deviceName(_ dev: Int) -> String {
        dev >= devices ? "log" : "dev\(dev)"
    }

    /// Builds and validates a layout, as `ore_verify_layout` does.
    public init(raid: RaidLevel, devices: Int, stripeUnit: UInt64, mirrors: Int = 1,
                groupWidth: Int? = nil, groupDepth: UInt64? = nil) throws(LayoutError) {
        guard stripeUnit > 0, stripeUnit % pageSize == 0 else {
            throw LayoutError(parameter: "stripe-unit", rule: "must be a positive multiple of 4096 bytes (got \(stripeUnit))")
        }
        guard mirrors >= 1 else {
            throw LayoutError(parameter: "mirrors", rule: "must be at least 1 (got \(mirrors))")
        }
        guard devices >= 1 else {
            throw LayoutError(parameter: "devices", rule: "must be at least 1 (got \(devices))")
        }
        guard devices % mirrors == 0 else {
            throw LayoutError(parameter: "devices", rule: "must be a multiple of mirrors × group width (\(devices) devices, \(mirrors) mirrors)")
        }
        if let groupWidth {
            guard groupWidth >= 1 else {
                throw LayoutError(parameter: "group-width", rule: "must be at least 1 (got \(groupWidth))")
            }
            // ore_verify_layout: "group_depth == 0 && group_width != 0" is -EINVAL, even for one group.
            guard let depth = groupDepth else {
                throw LayoutError(parameter: "group-depth", rule: "is required with group-width=\(groupWidth) (the kernel's ore_verify_layout rejects a group width without a depth: -EINVAL)")
            }
            guard depth > 0 else {
                throw LayoutError(parameter: "group-depth", rule: "must be greater than 0")
            }
        }
        let width = groupWidth ?? devices / mirrors
        let componentsPerGroup = mirrors.multipliedReportingOverflow(by: width)
        guard !componentsPerGroup.overflow, devices % componentsPerGroup.partialValue == 0 else {
            throw LayoutError(parameter: "devices", rule: "must be a multiple of mirrors × group width (\(devices) devices, \(mirrors) × \(width))")
        }
        let groups = devices / mirrors / width
        if raid.parity > 0 {
            guard width >= raid.parity + 1 else {
                let need = raid.parity + 1, why = "(one data device at least; got \(width))"
                // Without a group width the width is every device: the rule is about `devices`.
                if groupWidth != nil {
                    throw LayoutError(parameter: "group-width", rule: "\(raid.rawValue) needs a group width of at least \(need) \(why)")
                }
                throw LayoutError(parameter: "devices", rule: mirrors > 1 ? "\(raid.rawValue) needs devices / mirrors of at least \(need) \(why)"
                                                                           : "\(raid.rawValue) needs at least \(need) devices \(why)")
            }
        }
        guard UInt64(width).multipliedReportingOverflow(by: stripeUnit).partialValue < (1 << 32),
              stripeUnit < (1 << 32) else {
            throw LayoutError(parameter: "stripe-unit", rule: "stripe length (group width × stripe unit) must be below 2^32 bytes")
        }
        if groupWidth != nil, let depth = groupDepth {
            // `stripeInfo` multiplies the depth by a stripe's data bytes and the group count.
            let maxDepth = UInt64(Int64.max) / (UInt64(width - raid.parity) * stripeUnit * UInt64(groups))
            guard depth <= maxDepth else {
                throw LayoutError(parameter: "group-depth", rule: "must be at most \(maxDepth) for this layout, so that a cycle over all groups stays below 2^63 bytes (got \(depth))")
            }
        }
        self.raid = raid
        self.devices = devices
        self.stripeUnit = stripeUnit
        self.mirrors = mirrors
        self.groupWidth = width
        self.groupDepth = groupWidth != nil ? groupDepth : nil
    }

    /// The kernel's notice for a group depth given without a group width (`ore_verify_layout`
    /// prints "group_depth ignored" and uses one unbounded group); nil when there is nothing to say.
    public static func ignoredDepthNotice(groupWidth: Int?, groupDepth: UInt64?) -> String? {
        guard groupWidth == nil, let depth = groupDepth else { return nil }
        return "group-depth=\(depth) ignored without group-width, as the kernel's \"group_depth ignored\" notice says; the one group is unbounded"
    }

    /// Parity units per stripe (P).
    public var parity: Int { raid.parity }
    /// Data units per stripe (D = W − P).
    public var dataDevices: Int { groupWidth - parity }
    /// Number of groups (`group_count`).
    public var groupCount: Int { devices / mirrors / groupWidth }
    /// Pages in one stripe unit (the sp2d's rows).
    public var pagesInUnit: Int { Int(stripeUnit / pageSize) }
    /// Data bytes in one stripe (U).
    public var stripeBytes: UInt64 { UInt64(dataDevices) * stripeUnit }
    /// Data pages in one stripe.
    public var pagesInStripe: Int { dataDevices * pagesInUnit }

    /// One-line description, as shown in headers: "raid5 4×16K".
    public var summary: String {
        var s = "\(raid.rawValue) \(devices)×\(SizeFormat.string(stripeUnit))"
        if mirrors > 1 { s += " mirrors=\(mirrors)" }
        if let depth = groupDepth { s += " group \(groupWidth)×\(depth)" }
        return s
    }
}
