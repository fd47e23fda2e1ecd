import Foundation
import Testing
@testable import StripeCore

/// The Recorder / WritePath / StripeGeometry split changed no trace: the JSONL of every
/// bundled and reference scenario hashes (FNV-1a 64) to what `stripescope trace X
/// --format jsonl` printed before the split (recorded from the binary at b7c7902; the
/// bundled lessons re-recorded when their notes gained `expect` lines, which moved their
/// line numbers and nothing else, append-seed when the 3.2 stripe cut came, and four
/// lessons whose long notes were shortened to fit three rows at 120×40; partial-last-page
/// when `read_exec`'s read gained its `ore_read` call).
struct TraceDigestTests {
    static let recorded: [String: UInt64] = [
        "assets_append-final": 0xda26ec2749934eac,
        "assets_append-seed": 0xde720977cccf0db4,  // the 3.2 stripe cut (issue 21)
        "assets_cold-cache": 0xbda29df53bfb8fcb,
        "assets_device-failure": 0x66d0b5d83ab5768c,  // notes shortened to fit 120×40
        "assets_full-stripe": 0xcf09701b4b0da688,
        "assets_gap": 0x5a8e07d9f534be22,
        "assets_group-depth": 0xc9a257b587d90db8,
        "assets_group-split": 0x9dbfb8130981fa2b,
        "assets_huge-unit": 0x3086b9e48110eb38,
        "assets_locked-page": 0x555edccc97187e8b,
        "assets_mirrors": 0x556bdeccb6385f48,
        "assets_nosync-remainder": 0x6227b667f563fa0,
        "assets_partial-ends": 0x332c77239f174253,
        "assets_partial-last-page": 0x287da9c27dcee954,  // ore_read's call event
        "assets_partial-stripe": 0xf28eb68559c2d6d4,
        "assets_r4w-off": 0x6579d0b27066e48e,
        "assets_raid0-placement-final": 0x7f4ccd4721bb1e71,
        "assets_raid0-placement-seed": 0x91cf13bcbbabf224,
        "assets_raid5-placement": 0xa6c03b6ec48e2985,
        "assets_raid6-full-stripe": 0xdc540ff1fb896530,  // notes shortened to fit 120×40
        "assets_raid6-partial-stripe": 0xf038eae041a3a336,
        "assets_raid6-write-hole": 0x3f4e7203a8c351bd,  // notes shortened to fit 120×40
        "assets_reclaim-pressure": 0xabc6dcd39cb38690,  // notes shortened to fit 120×40
        "assets_reclaim-writepage": 0x1d63d51f4c3681bd,
        "assets_rows": 0x8c01e281e8547e07,
        "assets_stranded-fsync": 0xb733f929118d9d39,
        "assets_truncate-mid-stripe": 0x983904ebc8c2e66e,
        "assets_truncate-mirrors": 0xc7a3fe550c4730bf,
        "assets_write-hole": 0x2e53771393f31a54,
        "shared_append-final": 0x7eab82d2f78829e9,
        "shared_append-seed": 0x1f43cde1a88be834,  // the 3.2 stripe cut (issue 21)
        "shared_cold-cache": 0x2e520a513a3a1c6e,
        "shared_full-stripe": 0x972af1a21d951e09,
        "shared_gap": 0xd3917177d23fe017,
        "shared_partial-ends": 0xea17599f11fadb04,
        "shared_raid0": 0xedc7b031cfe753d0,
        "shared_rows": 0x3b5b029420359df4,
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    @Test(arguments: recorded.keys.sorted())
    func traceIsByteIdentical(name: String) throws {
        let (folder, file) = name.hasPrefix("assets_")
            ? ("assets/scenarios", String(name.dropFirst(7))) : ("Tests/StripeCoreTests/Reference", String(name.dropFirst(7)))
        let url = Self.root.appendingPathComponent(folder).appendingPathComponent("\(file).scn")
        let text = try String(contentsOf: url, encoding: .utf8)
        let timeline = try Engine.run(ScenarioParser.parse(text, name: url.path))
        var jsonl = ""
        for seq in 0..<timeline.count { jsonl += timeline.json(of: seq) + "\n" }
        #expect(Self.fnv1a(jsonl.utf8) == Self.recorded[name], "\(name)'s trace changed")
    }
}
