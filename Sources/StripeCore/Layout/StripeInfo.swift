/// Where one file byte lives: the ORE's `struct ore_striping_info`.
public struct StripeInfo: Equatable, Sendable {
    /// M: how many whole cycles over all groups come before.
    public var cycle: UInt64
    /// G: the group.
    public var group: Int
    /// N: the stripe within the group.
    public var stripe: UInt64
    /// C: the data column, counted over all groups (`C` in `ore_calc_stripe_info`).
    public var column: Int
    /// The byte within the stripe unit.
    public var unitOffset: UInt64
    /// Byte offset in the component object.
    public var objOffset: UInt64
    /// Device holding the data (first mirror).
    public var dev: Int
    /// Device holding the stripe's parity, P with RAID6 (first mirror); nil without parity.
    public var parityDev: Int?
    /// Device holding RAID6's Q, the device after P in the group (first mirror); nil otherwise.
    public var qDev: Int?
    /// File offset where this stripe starts (`first_stripe_start`).
    public var stripeStart: UInt64
    /// Bytes from here to the end of the group (`T − H`); nil when the group is unbounded
    /// (no group width given).
    public var bytesToGroupEnd: UInt64?

    /// The data column within this stripe (0..<D), the sp2d column.
    public func dataColumn(in layout: OreLayout) -> Int { column % layout.groupWidth }
    /// The page row within the stripe unit, the sp2d row.
    public var row: Int { Int(unitOffset / pageSize) }
}

extension OreLayout {
    /// Maps a file offset to its device and object offset: models `ore_calc_stripe_info`.
    public func stripeInfo(at offset: UInt64) -> StripeInfo {
        let w = UInt64(groupWidth)
        let p = UInt64(parity)
        let u = stripeBytes
        let depth = groupDepth
        // With a single group the group is unbounded: T = ∞, so M = 0 and G = 0.
        let (m, g, h): (UInt64, UInt64, UInt64)
        if let depth {
            let t = u * depth
            let s = t * UInt64(groupCount)
            m = offset / s
            g = (offset % s) / t
            h = (offset % s) % t
        } else {
            (m, g, h) = (0, 0, offset)
        }
        let n = h / u
        let c = (h % u) / stripeUnit + g * w
        let unitOffset = offset % stripeUnit
        let objOffset = unitOffset + n * stripeUnit + m * (depth ?? 0) * stripeUnit
        let first = c - c % w
        var dev = c
        var parityDev: UInt64? = nil
        var qDev: UInt64? = nil
        if p > 0 {
            let lcmDP = lcm(w, p) / p
            let rxp = (n % lcmDP) * p
            parityDev = (2 * w - p - rxp) % w + first
            // The final code adds 2W so the rotated column never goes negative (RAID6, odd W).
            dev = (2 * w + c - rxp) % w + first
            // `_add_parity_units` puts Q on the device after P, wrapping in the group.
            if p == 2, let pDev = parityDev { qDev = (pDev - first + 1) % w + first }
        }
        let mirrors = UInt64(self.mirrors)
        let stripeStart = offset - (h % u)
        return StripeInfo(
            cycle: m, group: Int(g), stripe: n, column: Int(c), unitOffset: unitOffset,
            objOffset: objOffset, dev: Int(dev * mirrors), parityDev: parityDev.map { Int($0 * mirrors) },
            qDev: qDev.map { Int($0 * mirrors) }, stripeStart: stripeStart,
            bytesToGroupEnd: depth.map { u * $0 - h })
    }

    /// Parity device (first mirror) of the stripe holding file offset `offset`; nil without parity.
    public func parityDev(at offset: UInt64) -> Int? { stripeInfo(at: offset).parityDev }

    /// Device (first mirror) of data column `column` (0..<D) in the stripe starting at `stripeStart`.
    public func dataDev(column: Int, stripeStart: UInt64) -> Int {
        stripeInfo(at: stripeStart + UInt64(column) * stripeUnit).dev
    }
}

private func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 { b == 0 ? a : gcd(b, a % b) }
private func lcm(_ a: UInt64, _ b: UInt64) -> UInt64 { a / gcd(a, b) * b }
