import Testing
@testable import StripeCore

/// The ORE mapping, checked against tables worked out by hand.
struct LayoutTests {
    /// (device, object page, parity device) of file page `page`.
    func map(_ layout: OreLayout, _ page: Int) -> [Int] {
        let si = layout.stripeInfo(at: UInt64(page) * pageSize)
        return [si.dev, Int(si.objOffset / pageSize), si.parityDev ?? -1]
    }

    /// RAID5, 4 devices × 16K (4 pages a unit): stripe 0 has parity on device 3,
    /// stripe 1 on device 2, and data starts on the device after the parity.
    @Test func raid5LeftSymmetric() throws {
        let l = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 16 << 10)
        #expect(map(l, 0) == [0, 0, 3])
        #expect(map(l, 5) == [1, 1, 3])
        #expect(map(l, 11) == [2, 3, 3])
        #expect(map(l, 12) == [3, 4, 2])  // stripe 1: column 0 on the device after the parity
        #expect(map(l, 16) == [0, 4, 2])
        #expect(map(l, 20) == [1, 4, 2])
        #expect(map(l, 24) == [2, 8, 1])  // stripe 2: parity on 1, data from 2
        #expect(map(l, 36) == [1, 12, 0])  // stripe 3: parity on 0
        #expect(map(l, 48) == [0, 16, 3])  // stripe 4: the rotation starts over
    }

    @Test func raid0() throws {
        let l = try OreLayout(raid: .raid0, devices: 3, stripeUnit: 8 << 10)
        let expected: [[Int]] = [[0, 0, -1], [0, 1, -1], [1, 0, -1], [1, 1, -1], [2, 0, -1], [2, 1, -1], [0, 2, -1], [0, 3, -1]]
        #expect((0..<8).map { map(l, $0) } == expected)
    }

    /// 6 devices, 2 mirrors: RAID5 over 3 components; device numbers are the first copy.
    @Test func mirrors() throws {
        let l = try OreLayout(raid: .raid5, devices: 6, stripeUnit: 4096, mirrors: 2)
        #expect(map(l, 0) == [0, 0, 4])
        #expect(map(l, 1) == [2, 0, 4])
        #expect(map(l, 2) == [4, 1, 2])  // stripe 1: parity on component 1 (devices 2, 3)
        #expect(map(l, 3) == [0, 1, 2])
        #expect(l.devicesHolding(page: 1) == 2..<4)
    }

    /// 9 devices in 3 groups of 3, 2 stripes deep, 4K units: a group holds 4 pages, a
    /// cycle 12; parity rotation restarts in each group and each cycle.
    @Test func groupsAndCycles() throws {
        let l = try OreLayout(raid: .raid5, devices: 9, stripeUnit: 4096, groupWidth: 3, groupDepth: 2)
        let expected: [Int: [Int]] = [
            0: [0, 0, 2], 1: [1, 0, 2], 2: [2, 1, 1], 3: [0, 1, 1],
            4: [3, 0, 5], 5: [4, 0, 5], 6: [5, 1, 4], 7: [3, 1, 4],
            8: [6, 0, 8], 11: [6, 1, 7],
            12: [0, 2, 2], 14: [2, 3, 1], 16: [3, 2, 5],
        ]
        for (page, want) in expected { #expect(map(l, page) == want, "page \(page)") }
        let si = l.stripeInfo(at: 16 * pageSize)
        #expect(si.cycle == 1 && si.group == 1 && si.stripe == 0)
        #expect(l.stripeInfo(at: 2 * pageSize).bytesToGroupEnd == 2 * pageSize)
    }

    @Test(arguments: [
        ((RaidLevel.raid5, 4, UInt64(5000), 1, Int?.none, UInt64?.none), "stripe-unit: must be a positive multiple of 4096 bytes (got 5000)"),
        ((.raid5, 4, 0, 1, nil, nil), "stripe-unit: must be a positive multiple of 4096 bytes (got 0)"),
        ((.raid5, 4, 4096, 0, nil, nil), "mirrors: must be at least 1 (got 0)"),
        ((.raid0, 0, 4096, 1, nil, nil), "devices: must be at least 1 (got 0)"),
        ((.raid5, 5, 4096, 2, nil, nil), "devices: must be a multiple of mirrors × group width (5 devices, 2 mirrors)"),
        ((.raid5, 8, 4096, 1, 3, 2), "devices: must be a multiple of mirrors × group width (8 devices, 1 × 3)"),
        ((.raid5, 4, 4096, 1, 0, nil), "group-width: must be at least 1 (got 0)"),
        ((.raid5, 9, 4096, 1, 3, nil), "group-depth: is required with group-width=3 (the kernel's ore_verify_layout rejects a group width without a depth: -EINVAL)"),
        ((.raid5, 4, 4096, 1, 4, nil), "group-depth: is required with group-width=4 (the kernel's ore_verify_layout rejects a group width without a depth: -EINVAL)"),
        ((.raid5, 9, 4096, 1, 3, 0), "group-depth: must be greater than 0"),
        ((.raid5, 1, 4096, 1, nil, nil), "devices: raid5 needs at least 2 devices (one data device at least; got 1)"),
        ((.raid6, 2, 4096, 1, nil, nil), "devices: raid6 needs at least 3 devices (one data device at least; got 2)"),
        ((.raid6, 4, 4096, 1, 2, 1), "group-width: raid6 needs a group width of at least 3 (one data device at least; got 2)"),
        ((.raid5, 4, 2 << 30, 1, nil, nil), "stripe-unit: stripe length (group width × stripe unit) must be below 2^32 bytes"),
        ((.raid5, 4, 4096, 2, 1 << 62, 1), "devices: must be a multiple of mirrors × group width (4 devices, 2 × 4611686018427387904)"),
        ((.raid5, 4, 16384, 1, 2, 999_999_999_999_999_999),
         "group-depth: must be at most 281474976710655 for this layout, so that a cycle over all groups stays below 2^63 bytes (got 999999999999999999)"),
    ] as [((RaidLevel, Int, UInt64, Int, Int?, UInt64?), String)])
    func validation(parameters: (RaidLevel, Int, UInt64, Int, Int?, UInt64?), message: String) {
        let (raid, devices, unit, mirrors, width, depth) = parameters
        #expect(throws: LayoutError.self) {
            try OreLayout(raid: raid, devices: devices, stripeUnit: unit, mirrors: mirrors, groupWidth: width, groupDepth: depth)
        }
        do {
            _ = try OreLayout(raid: raid, devices: devices, stripeUnit: unit, mirrors: mirrors, groupWidth: width, groupDepth: depth)
        } catch {
            #expect(error.description == message)
        }
    }

    /// The deepest group the layout accepts still maps the last page of the largest file.
    @Test func deepestGroupMapsWithoutOverflow() throws {
        let l = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 16384, groupWidth: 2, groupDepth: (1 << 48) - 1)
        let si = l.stripeInfo(at: Limits.maxFileSize - pageSize)
        // H = L: stripe N = (16G − 4K) / 16K = 2^20 − 1, odd, so parity on 0 and data on 1.
        #expect(si.cycle == 0 && si.group == 0 && si.stripe == (1 << 20) - 1)
        #expect(si.dev == 1 && si.parityDev == 0)
        #expect(si.objOffset == Limits.maxFileSize - pageSize)
    }

    /// The file-order stripe of every object page agrees with the forward mapping.
    @Test func stripeOfAnObjectPageInvertsTheMapping() throws {
        let l = try OreLayout(raid: .raid5, devices: 9, stripeUnit: 8192, groupWidth: 3, groupDepth: 2)
        for page in 0..<200 {
            let loc = l.location(ofPage: page)
            #expect(l.stripe(onDevice: loc.dev, objPage: loc.objPage) == l.stripe(ofPage: page))
        }
    }
}
