import Testing
@testable import StripeCore

/// md's left-symmetric layout against maps worked out by hand from raid5_compute_sector.
struct MdGeometryTests {
    static func geometry(_ raid: RaidLevel, devices: Int) throws -> MdGeometry {
        MdGeometry(layout: try OreLayout(raid: raid, devices: devices, stripeUnit: 4096, mirrors: 1, groupWidth: nil, groupDepth: nil))
    }

    /// RAID5, 5 disks, one-page chunks. Each line a chunk row: the disks of data
    /// columns 0..3, then P.
    ///   row 0: 0 1 2 3 | P4     row 1: 4 0 1 2 | P3     row 2: 3 4 0 1 | P2
    ///   row 3: 2 3 4 0 | P1     row 4: 1 2 3 4 | P0     row 5: as row 0
    @Test func raid5FiveDisks() throws {
        let g = try Self.geometry(.raid5, devices: 5)
        let map: [[Int]] = [[0, 1, 2, 3, 4], [4, 0, 1, 2, 3], [3, 4, 0, 1, 2], [2, 3, 4, 0, 1], [1, 2, 3, 4, 0], [0, 1, 2, 3, 4]]
        for (row, disks) in map.enumerated() {
            for column in 0..<4 {
                let location = g.location(ofPage: row * 4 + column)
                #expect(location.dev == disks[column] && location.objPage == UInt64(row), "page \(row * 4 + column)")
            }
            #expect(g.parityDevices(stripe: UInt64(row)) == [disks[4]])
        }
    }

    /// RAID6, 5 disks: P one disk left per row, Q after it, data after Q.
    ///   row 0: data 1 2 3 | P4 Q0     row 1: data 0 1 2 | P3 Q4     row 2: data 4 0 1 | P2 Q3
    ///   row 3: data 3 4 0 | P1 Q2     row 4: data 2 3 4 | P0 Q1
    @Test func raid6FiveDisks() throws {
        let g = try Self.geometry(.raid6, devices: 5)
        let map: [[Int]] = [[1, 2, 3, 4, 0], [0, 1, 2, 3, 4], [4, 0, 1, 2, 3], [3, 4, 0, 1, 2], [2, 3, 4, 0, 1]]
        for (row, disks) in map.enumerated() {
            for column in 0..<3 {
                let location = g.location(ofPage: row * 3 + column)
                #expect(location.dev == disks[column] && location.objPage == UInt64(row), "page \(row * 3 + column)")
                #expect(g.column(ofDisk: disks[column], stripe: UInt64(row)) == column)
            }
            #expect(g.parityDevices(stripe: UInt64(row)) == [disks[3], disks[4]])
            #expect(g.column(ofDisk: disks[3], stripe: UInt64(row)) == nil)
        }
    }

    /// Chunks of several pages: page 9 of 4-page chunks on 4 disks (3 data) is chunk 2
    /// (data column 2 of chunk row 0, disk 2), page 1 in the chunk: device page 1.
    @Test func multiPageChunks() throws {
        let g = MdGeometry(layout: try OreLayout(raid: .raid5, devices: 4, stripeUnit: 16384, mirrors: 1, groupWidth: nil, groupDepth: nil))
        #expect(g.location(ofPage: 9) == (2, 1))
        // Page 13: chunk 3, chunk row 1 (P on disk 2), column 0 on disk 3, device page 4 + 1.
        #expect(g.location(ofPage: 13) == (3, 5))
        #expect(g.paritySlots(stripe: 1, row: 1).map(\.devs.lowerBound) == [2])
    }

    /// md and the ORE agree on RAID5 (both left-symmetric), not on RAID6.
    @Test func raid5IsTheOresRotationRaid6IsNot() throws {
        let raid5 = try OreLayout(raid: .raid5, devices: 5, stripeUnit: 8192, mirrors: 1, groupWidth: nil, groupDepth: nil)
        for page in 0..<200 { #expect(MdGeometry(layout: raid5).location(ofPage: page) == raid5.location(ofPage: page)) }
        let raid6 = try OreLayout(raid: .raid6, devices: 5, stripeUnit: 4096, mirrors: 1, groupWidth: nil, groupDepth: nil)
        #expect((0..<30).contains { MdGeometry(layout: raid6).location(ofPage: $0) != raid6.location(ofPage: $0) })
    }
}
