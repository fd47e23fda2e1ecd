/// The scenarios bundled with StripeScope, embedded from `assets/scenarios/` at build time
/// (`.embedInCode`), so they work from `swift run` and the built binary alike.
///
/// Adding a scenario: put `NAME.scn` in `assets/scenarios/` and add its line below; a test
/// fails when a file there is missing from this list.
public enum BundledScenarios {
    /// The scenario `stripescope` opens when given none.
    public static let defaultName = "partial-stripe"

    /// Every bundled scenario, by name (the file name without `.scn`), sorted.
    public static let all: [(name: String, text: String)] = [
        ("append-final", text(PackageResources.append_final_scn)),
        ("append-seed", text(PackageResources.append_seed_scn)),
        ("cold-cache", text(PackageResources.cold_cache_scn)),
        ("device-failure", text(PackageResources.device_failure_scn)),
        ("full-stripe", text(PackageResources.full_stripe_scn)),
        ("gap", text(PackageResources.gap_scn)),
        ("group-split", text(PackageResources.group_split_scn)),
        ("locked-page", text(PackageResources.locked_page_scn)),
        ("mirrors", text(PackageResources.mirrors_scn)),
        ("nosync-remainder", text(PackageResources.nosync_remainder_scn)),
        ("partial-ends", text(PackageResources.partial_ends_scn)),
        ("partial-last-page", text(PackageResources.partial_last_page_scn)),
        ("partial-stripe", text(PackageResources.partial_stripe_scn)),
        ("r4w-off", text(PackageResources.r4w_off_scn)),
        ("reclaim-writepage", text(PackageResources.reclaim_writepage_scn)),
        ("rows", text(PackageResources.rows_scn)),
        ("truncate-mid-stripe", text(PackageResources.truncate_mid_stripe_scn)),
        ("write-hole", text(PackageResources.write_hole_scn)),
    ]

    /// The text of the bundled scenario `name`, if there is one.
    public static func text(named name: String) -> String? { all.first { $0.name == name }?.text }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
