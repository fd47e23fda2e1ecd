/// The kernel a profile models, as values (ARCHITECTURE, "Recorder, write path and kernel
/// era apart"): every behaviour that differs between Linux 3.2 and 4.18 in the code the
/// engine models is a field here, and the write path switches on the field exhaustively,
/// so a third era is one more constant, not a hunt for `== .seed`.
public struct KernelEra: Sendable, Equatable {
    /// Which object offsets `_prepare_for_striping` gives the devices of an I/O.
    public enum Placement: Sendable, Equatable {
        /// 3.2: `_dev_order` tells a device of the I/O's first stripe row from one of the
        /// next; RAID0's `si->par_dev = group_width` is group 1's first device, so in groups
        /// 1 and 2+ the order is one off and group 1's last column reaches "parity".
        case devOrder
        /// 4.18: `si->obj_offset - si->unit_off`, advanced only at a parity unit.
        case advanceAtParity
    }

    /// The order `_sp2d_reset` gives back the pages r4w got.
    public enum PutOrder: Sendable, Equatable {
        /// 3.2: `for (p = 0; p < pages_in_unit; p++) ... for (c = 0; c < data_devs; c++)`.
        case rowsThenColumnsAscending
        /// 3.5+: "unlock r4w pages in exact reverse order of locking": columns from last to
        /// first, rows from last to first.
        case columnsThenRowsDescending
    }

    /// What `_ore_post_alloc_raid_stuff` does to a RAID write longer than one stripe.
    public enum StripeCut: Sendable, Equatable {
        /// 3.2–3.4: "If an IO spans more then a single stripe it must end at a stripe
        /// boundary": `ios->length = last_stripe * stripe_size - ios->offset`.
        case atLastStripeBoundary
        /// 3.5+ ("ore: Fix NFS crash by supporting any unaligned RAID IO"): no cut.
        case none
    }

    /// What `layout->max_io_length` multiplies `BIO_MAX_PAGES_KMALLOC * PAGE_SIZE - stripe_unit` by.
    public enum MaxIOLengthDevices: Sendable, Equatable {
        /// 3.2: `* layout->group_width`.
        case groupWidth
        /// 4.18: `* (layout->group_width - layout->parity)`.
        case dataDevices
    }

    /// What `__r4w_get_page` gives for an offset at or past `i_size`.
    public enum PastEndOfFile: Sendable, Equatable {
        /// 3.2 (the patch as posted): the page cache's page, created if absent.
        case cachePage
        /// 4.18: `ZERO_PAGE(0)`, uptodate, no reference.
        case zeroPage
    }

    public var placement: Placement
    /// `MAX_PAGES_KMALLOC` (4096 / sizeof(struct page *) = 512): 3.2's `exofs_max_io_pages`
    /// caps a pcol at it and `_pcol_reset` refills an exhausted budget with it; nil: 4.18,
    /// no such cap, and the refill is `exofs_max_io_pages(layout, ~0)`.
    public var pcolCap: Int?
    public var putOrder: PutOrder
    public var stripeCut: StripeCut
    public var maxIOLengthDevices: MaxIOLengthDevices
    public var pastEndOfFile: PastEndOfFile
    /// The patch's `__r4w_get_page`: `PageDirty || PageWriteback` counts as uptodate.
    public var dirtyCountsUptodate: Bool
    /// `ore_verify_layout` knows `PNFS_OSD_RAID_PQ` (3.2: "Only RAID_0/5 for now").
    public var hasRaid6: Bool
    /// How many more `write_exec`s sync `exofs_writepages` runs after the walk: once ("pump
    /// the last reminder") in both eras.
    public var pump: PumpMode

    /// Linux 3.2 with the seed patch: `profile seed`.
    public static let linux3_2 = KernelEra(
        placement: .devOrder, pcolCap: 512, putOrder: .rowsThenColumnsAscending,
        stripeCut: .atLastStripeBoundary, maxIOLengthDevices: .groupWidth, pastEndOfFile: .cachePage,
        dirtyCountsUptodate: true, hasRaid6: false, pump: .twice)

    /// Linux 4.18, the last exofs: `profile final`.
    public static let linux4_18 = KernelEra(
        placement: .advanceAtParity, pcolCap: nil, putOrder: .columnsThenRowsDescending,
        stripeCut: .none, maxIOLengthDevices: .dataDevices, pastEndOfFile: .zeroPage,
        dirtyCountsUptodate: false, hasRaid6: true, pump: .twice)
}

extension Profile {
    /// The kernel this profile models.
    public var era: KernelEra {
        switch self {
        case .seed: .linux3_2
        case .final: .linux4_18
        }
    }
}

extension Engine {
    /// The era of the scenario's profile.
    var era: KernelEra { profile.era }

    /// Whose `_prepare_for_striping` runs: the profile's, unless `set placement=` says.
    var placement: KernelEra.Placement { (switches.placement ?? profile).era.placement }
}
