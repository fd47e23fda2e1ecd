/// The ORE layout as `ore_verify_layout` leaves it (fs/exofs/ore.c), written from the kernel
/// source, not from StripeCore: parity count, group width / depth / count, mirrors.
struct KLayout: Equatable {
    static let pageSize: UInt64 = 4096
    /// BIO_MAX_PAGES_KMALLOC as SPEC fixes it: (PAGE_SIZE - sizeof(struct bio)) / sizeof(struct bio_vec).
    static let bioMaxPagesKmalloc: UInt64 = 249

    let parity: Int
    let devices: Int
    let stripeUnit: UInt64
    let mirrors: Int
    let groupWidth: Int
    /// `group_depth`; `UInt64.max` is the kernel's `-1` when no group width was given.
    let groupDepth: UInt64
    let groupCount: Int

    /// `ore_verify_layout`: without a group width, one group of every device and depth -1.
    init(parity: Int, devices: Int, stripeUnit: UInt64, mirrors: Int, groupWidth: Int?, groupDepth: Int?) {
        self.parity = parity
        self.devices = devices
        self.stripeUnit = stripeUnit
        self.mirrors = mirrors
        if let width = groupWidth {
            self.groupWidth = width
            self.groupDepth = UInt64(groupDepth!)
            self.groupCount = devices / mirrors / width
        } else {
            self.groupWidth = devices / mirrors
            self.groupDepth = UInt64.max
            self.groupCount = 1
        }
    }

    var dataDevices: Int { groupWidth - parity }
    var pagesInUnit: Int { Int(stripeUnit / Self.pageSize) }
    var devsInGroup: Int { groupWidth * mirrors }
    /// U: bytes of data in one stripe of a group.
    var bytesInStripe: UInt64 { UInt64(dataDevices) * stripeUnit }

    /// `layout->max_io_length` in bytes; `nil` is "no limit" (SPEC 4: past 249 pages the unsigned
    /// subtraction wraps). `seedFormula` multiplies by the group width, as 3.2 did, not by D.
    func maxIOLength(seedFormula: Bool) -> UInt64? {
        let bio = Self.bioMaxPagesKmalloc * Self.pageSize
        guard stripeUnit <= bio else { return nil }
        let width = UInt64(seedFormula ? groupWidth : dataDevices)
        var length = (bio - stripeUnit) * width
        if parity > 0 {
            let stripeLength = bytesInStripe
            length = length / stripeLength * stripeLength
        }
        return length
    }
}
