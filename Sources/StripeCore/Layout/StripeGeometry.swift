/// Where a file page lives on the devices, and where each stripe row's parity lives:
/// the one question the invariants, file creation and the views ask of a layout. The
/// ORE answers with `ore_calc_stripe_info` (`OreLayout`), md with
/// `raid5_compute_sector` (`MdGeometry`); nobody else assumes a parity rotation.
///
/// A stripe is a row of units across the devices (file order, `sN`), a row a page
/// offset within the unit, a column a data unit of the stripe (0 = the first data unit,
/// the order parity is computed in).
public protocol StripeGeometry: Sendable {
    /// Parity units per stripe: 0, 1 (P) or 2 (P, Q).
    var parity: Int { get }
    /// Data units per stripe.
    var dataDevices: Int { get }
    var pagesInUnit: Int { get }
    var pagesInStripe: Int { get }
    /// Device (the first copy) and object page of file page `page`.
    func location(ofPage page: Int) -> (dev: Int, objPage: UInt64)
    /// Every device that holds a copy of file page `page`.
    func devicesHolding(page: Int) -> Range<Int>
    /// File-order stripe of file page `page`.
    func stripe(ofPage page: Int) -> UInt64
    /// File-order stripe that object page `objPage` of device `dev` belongs to.
    func stripe(onDevice dev: Int, objPage: UInt64) -> UInt64
    /// Stripes after which the mapping repeats its shape on the devices: the ORE's group
    /// count × group depth, 1 for md.
    var stripesPerCycle: Int { get }
    /// Where row `row` of each parity unit of stripe `stripe` lives: P, then Q.
    func paritySlots(stripe: UInt64, row: Int) -> [(devs: Range<Int>, objPage: UInt64)]
}

extension StripeGeometry {
    /// The parity devices of stripe `stripe` as a list: `[P]`, or `[P, Q]` with RAID6.
    public func parityDevices(stripe: UInt64) -> [Int] {
        paritySlots(stripe: stripe, row: 0).prefix(parity).map(\.devs.lowerBound)
    }

    /// The file page in data column `column`, row `row` of stripe `stripe`.
    public func page(stripe: UInt64, row: Int, column: Int) -> Int {
        Int(stripe) * pagesInStripe + column * pagesInUnit + row
    }

    /// Data column and row of file page `page` within its stripe.
    public func columnAndRow(ofPage page: Int) -> (column: Int, row: Int) {
        let inStripe = page % pagesInStripe
        return (inStripe / pagesInUnit, inStripe % pagesInUnit)
    }
}

extension OreLayout: StripeGeometry {
    public var stripesPerCycle: Int { groupCount * Int(groupDepth ?? 1) }
}
