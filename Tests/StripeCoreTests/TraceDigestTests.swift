import Foundation
import Testing
@testable import StripeCore

/// The Recorder / WritePath / StripeGeometry split changed no trace: the JSONL of every
/// bundled and reference scenario hashes (FNV-1a 64) to what `stripescope trace X
/// --format jsonl` printed before the split (recorded from the binary at b7c7902).
struct TraceDigestTests {
    static let recorded: [String: UInt64] = [
        "assets_append-final": 0x7731f1c3c4a34924,
        "assets_append-seed": 0x2ad95d1dee91408a,  // the 3.2 stripe cut (issue 21)
        "assets_cold-cache": 0x225ee49559361a04,
        "assets_device-failure": 0x3c27c68aee295763,
        "assets_full-stripe": 0x15ccaa37209eee47,
        "assets_gap": 0xb4c5bb36171ee493,
        "assets_group-depth": 0x11ad9d8639219839,
        "assets_group-split": 0xb00405869a80bea6,
        "assets_huge-unit": 0x569f9cacbfaacd93,
        "assets_locked-page": 0xa63090f89999eee5,
        "assets_mirrors": 0x778dc12751217c50,
        "assets_nosync-remainder": 0x2bf00ce78639d55d,
        "assets_partial-ends": 0x3077506dd7631af0,
        "assets_partial-last-page": 0x203fd0db129f90f4,
        "assets_partial-stripe": 0x310d6e97524c5275,
        "assets_r4w-off": 0xc057b1211b531ff2,
        "assets_raid0-placement-final": 0x737e82a9534f832d,
        "assets_raid0-placement-seed": 0xd02d5ca098bfa054,
        "assets_raid5-placement": 0xf837b336e9a06414,
        "assets_raid6-full-stripe": 0x626f8e6abf116dd0,
        "assets_raid6-partial-stripe": 0x29d0fd9930ba6853,
        "assets_raid6-write-hole": 0x7631a8d8418bae8a,
        "assets_reclaim-pressure": 0xa2f65bc0f24d7b08,
        "assets_reclaim-writepage": 0xd884cdeea6c6dd97,
        "assets_rows": 0x6abf5f7c2c518575,
        "assets_stranded-fsync": 0x6df3699469e4303a,
        "assets_truncate-mid-stripe": 0x7c46dd15c4406a0d,
        "assets_truncate-mirrors": 0x75b2d4a5b256e666,
        "assets_write-hole": 0x6e9b6df4e62ebb94,
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
