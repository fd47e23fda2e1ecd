/// The scenarios bundled with StripeScope, embedded from `assets/scenarios/` at build time
/// (`.embedInCode`), so they work from `swift run` and the built binary alike.
///
/// Adding a scenario: put `NAME.scn` in `assets/scenarios/` and add its line below, where it
/// belongs in the lessons; a test fails when a file there is missing from this list.
public enum BundledScenarios {
    /// The scenario `stripescope` opens when given none.
    public static let defaultName = "partial-stripe"

    /// Every bundled scenario, by name (the file name without `.scn`), in lesson order: the
    /// order `stripescope scenarios` lists them in. A course runs from a full stripe (no
    /// read-4-write) and the ORE before the patch, through read-4-write in the cache, on the
    /// devices and at the file's edges, to writeback policy, layouts, and what goes wrong.
    public static let all: [(name: String, text: String)] = [
        ("full-stripe", text(PackageResources.full_stripe_scn)),
        ("r4w-off", text(PackageResources.r4w_off_scn)),
        ("partial-stripe", text(PackageResources.partial_stripe_scn)),
        ("rows", text(PackageResources.rows_scn)),
        ("cold-cache", text(PackageResources.cold_cache_scn)),
        ("partial-ends", text(PackageResources.partial_ends_scn)),
        ("gap", text(PackageResources.gap_scn)),
        ("locked-page", text(PackageResources.locked_page_scn)),
        ("partial-last-page", text(PackageResources.partial_last_page_scn)),
        ("append-seed", text(PackageResources.append_seed_scn)),
        ("append-final", text(PackageResources.append_final_scn)),
        ("reclaim-writepage", text(PackageResources.reclaim_writepage_scn)),
        ("reclaim-pressure", text(PackageResources.reclaim_pressure_scn)),
        ("group-depth", text(PackageResources.group_depth_scn)),
        ("group-split", text(PackageResources.group_split_scn)),
        ("stranded-fsync", text(PackageResources.stranded_fsync_scn)),
        ("nosync-remainder", text(PackageResources.nosync_remainder_scn)),
        ("mirrors", text(PackageResources.mirrors_scn)),
        ("write-hole", text(PackageResources.write_hole_scn)),
        ("raid6-full-stripe", text(PackageResources.raid6_full_stripe_scn)),
        ("raid6-partial-stripe", text(PackageResources.raid6_partial_stripe_scn)),
        ("raid6-write-hole", text(PackageResources.raid6_write_hole_scn)),
        ("device-failure", text(PackageResources.device_failure_scn)),
        ("truncate-mid-stripe", text(PackageResources.truncate_mid_stripe_scn)),
        ("raid0-placement-seed", text(PackageResources.raid0_placement_seed_scn)),
        ("raid0-placement-final", text(PackageResources.raid0_placement_final_scn)),
        ("raid5-placement", text(PackageResources.raid5_placement_scn)),
        ("huge-unit", text(PackageResources.huge_unit_scn)),
        ("truncate-mirrors", text(PackageResources.truncate_mirrors_scn)),
        ("stripe-cut-seed", text(PackageResources.stripe_cut_seed_scn)),
        ("raid0-groups-seed", text(PackageResources.raid0_groups_seed_scn)),
        ("md-warm-page-cache", text(PackageResources.md_warm_page_cache_scn)),
        ("md-cold-small-write", text(PackageResources.md_cold_small_write_scn)),
        ("md-tie-prefer", text(PackageResources.md_tie_prefer_scn)),
        ("md-delayed-full-stripe", text(PackageResources.md_delayed_full_stripe_scn)),
        ("md-same-row-twice", text(PackageResources.md_same_row_twice_scn)),
        ("md-raid6", text(PackageResources.md_raid6_scn)),
        ("write-hole-real", text(PackageResources.write_hole_real_scn)),
        ("raid6-powercut", text(PackageResources.raid6_powercut_scn)),
        ("md-write-hole-real", text(PackageResources.md_write_hole_real_scn)),
        ("md-resync", text(PackageResources.md_resync_scn)),
        ("md-ppl", text(PackageResources.md_ppl_scn)),
    ]

    /// The text of the bundled scenario `name`, if there is one.
    public static func text(named name: String) -> String? { all.first { $0.name == name }?.text }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
