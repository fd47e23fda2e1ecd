extension OreLayout {
    /// `BIO_MAX_PAGES_KMALLOC`: the bio vectors that fit a page (SPEC 4).
    static let bioMaxPagesKmalloc: UInt64 = 249

    /// `layout->max_io_length` as `ore_verify_layout` computes it, in the kernel's
    /// unsigned arithmetic: `(BIO_MAX_PAGES_KMALLOC × PAGE_SIZE − stripe_unit)` times the
    /// data devices (4.18) or the group width (3.2), as `era` says, rounded down to whole stripes with
    /// parity. A unit of more than 124 pages makes it 0 with parity (`pcol_try_alloc` then
    /// fails); past 249 pages the subtraction wraps and there is no practical limit.
    public func maxIOLength(era: KernelEra) -> UInt64 {
        let devices = switch era.maxIOLengthDevices {
        case .groupWidth: UInt64(groupWidth)
        case .dataDevices: UInt64(dataDevices)
        }
        var length = (Self.bioMaxPagesKmalloc &* pageSize &- stripeUnit) &* devices
        if parity > 0 {
            // `unsigned stripe_length` in the kernel: 32 bits.
            let stripeLength = UInt64(UInt32(truncatingIfNeeded: UInt64(dataDevices) &* stripeUnit))
            length = length / stripeLength * stripeLength
        }
        return length
    }
}
