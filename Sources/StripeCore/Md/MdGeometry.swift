/// md's left-symmetric layout (`ALGORITHM_LEFT_SYMMETRIC`, md's default) over the
/// layout's devices: chunk = stripe unit, data offset 0, the file from array sector 0
/// (page i at array byte i × 4096). Models `raid5_compute_sector` (drivers/md/raid5.c):
///
/// ```c
/// chunk_offset = sector_div(r_sector, sectors_per_chunk);
/// chunk_number = r_sector;
/// stripe = chunk_number;
/// *dd_idx = sector_div(stripe, data_disks);
/// ...
/// case 5: case ALGORITHM_LEFT_SYMMETRIC:
///         pd_idx = data_disks - sector_div(stripe2, raid_disks);
///         *dd_idx = (pd_idx + 1 + *dd_idx) % raid_disks;
/// case 6: case ALGORITHM_LEFT_SYMMETRIC:
///         pd_idx = raid_disks - 1 - sector_div(stripe2, raid_disks);
///         qd_idx = (pd_idx + 1) % raid_disks;
///         *dd_idx = (pd_idx + 2 + *dd_idx) % raid_disks;
/// ...
/// new_sector = (sector_t)stripe * sectors_per_chunk + chunk_offset;
/// ```
///
/// For RAID5 this is the ORE's rotation too; for RAID6 md moves P one device left per
/// stripe (the ORE two), with Q on the device after P. An md "stripe" here is the
/// chunk row (`stripe` above); a `stripe_head` is one page row of it.
public struct MdGeometry: StripeGeometry, Equatable {
    /// `raid_disks`.
    public var disks: Int
    /// `max_degraded`: 1 for RAID5, 2 for RAID6.
    public var parity: Int
    public var pagesInUnit: Int

    public init(layout: OreLayout) {
        disks = layout.devices
        parity = layout.parity
        pagesInUnit = layout.pagesInUnit
    }

    /// `data_disks`.
    public var dataDevices: Int { disks - parity }
    public var pagesInStripe: Int { dataDevices * pagesInUnit }

    /// P and Q (RAID6) disks of chunk row `stripe`.
    public func parityDisks(stripe: UInt64) -> (p: Int, q: Int?) {
        let n = UInt64(disks)
        if parity == 2 {
            let p = disks - 1 - Int(stripe % n)
            return (p, (p + 1) % disks)
        }
        return (dataDevices - Int(stripe % n), nil)
    }

    /// The disk holding data column `column` (`*dd_idx` before the switch) of chunk row `stripe`.
    public func dataDisk(column: Int, stripe: UInt64) -> Int {
        (parityDisks(stripe: stripe).p + parity + column) % disks
    }

    /// The data column of `disk` in chunk row `stripe`, nil for P and Q
    /// (`raid5_compute_blocknr`'s inverse).
    public func column(ofDisk disk: Int, stripe: UInt64) -> Int? {
        let (p, q) = parityDisks(stripe: stripe)
        guard disk != p, disk != q else { return nil }
        return (disk - p - parity + 2 * disks) % disks
    }

    public func location(ofPage page: Int) -> (dev: Int, objPage: UInt64) {
        let chunkNumber = page / pagesInUnit
        let stripe = UInt64(chunkNumber / dataDevices)
        let objPage = stripe * UInt64(pagesInUnit) + UInt64(page % pagesInUnit)
        return (dataDisk(column: chunkNumber % dataDevices, stripe: stripe), objPage)
    }

    public func devicesHolding(page: Int) -> Range<Int> {
        let dev = location(ofPage: page).dev
        return dev..<(dev + 1)
    }

    public func stripe(ofPage page: Int) -> UInt64 { UInt64(page / pagesInStripe) }

    public func stripe(onDevice dev: Int, objPage: UInt64) -> UInt64 { objPage / UInt64(pagesInUnit) }

    public var stripesPerCycle: Int { 1 }

    public func paritySlots(stripe: UInt64, row: Int) -> [(devs: Range<Int>, objPage: UInt64)] {
        let objPage = stripe * UInt64(pagesInUnit) + UInt64(row)
        let (p, q) = parityDisks(stripe: stripe)
        return [p, q].compactMap { $0 }.map { ($0..<($0 + 1), objPage) }
    }
}
