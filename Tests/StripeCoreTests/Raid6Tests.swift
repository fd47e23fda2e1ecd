import Testing
@testable import StripeCore

/// GF(2⁸) as the kernel's raid6 library uses it, and the recovery P and Q make possible.
struct GaloisFieldTests {
    /// The polynomial is 0x11d: g⁸ = x⁴+x³+x²+1 = 0x1d.
    @Test func polynomialIs0x11d() {
        #expect(GF256.multiply(0x80, 2) == 0x1d)
        #expect(GF256.times2(0x0000_0000_0000_8001) == 0x0000_0000_0000_1d02)
    }

    /// g = 2 generates the multiplicative group: g²⁵⁵ = 1 and no smaller power is 1.
    @Test func generatorHasOrder255() {
        var x: UInt8 = 1
        for n in 1...255 {
            x = GF256.multiply(x, 2)
            if n < 255 { #expect(x != 1, "g^\(n) = 1") }
        }
        #expect(x == 1)
    }

    @Test func everyNonZeroElementHasAnInverse() {
        for a in UInt8(1)...255 {
            let inverse = GF256.inverse(a)
            #expect(GF256.multiply(a, inverse) == 1, "\(a)")
            #expect(GF256.multiply(inverse, a) == 1, "\(a)")
        }
    }

    /// `raid6_2data_recov`: with data columns a < b lost, the syndrome of the rest (lost
    /// columns as zero) gives P' and Q'; then Db = (P⊕P')·(gᵇ⁻ᵃ⊕1)⁻¹ ⊕ (Q⊕Q')·(gᵃ⊕gᵇ)⁻¹
    /// and Da = Db ⊕ P⊕P', byte by byte.
    @Test func twoLostDataColumnsAreRecoveredFromPAndQ() {
        var rng = SeededGenerator(state: 14)
        for trial in 0..<200 {
            let d = Int.random(in: 2...12, using: &rng)
            let data = (0..<d).map { _ in rng.next() }
            let pq = ParityScheme.parity(of: data, units: 2)
            let a = Int.random(in: 0..<(d - 1), using: &rng)
            let b = Int.random(in: (a + 1)..<d, using: &rng)
            var degraded = data
            degraded[a] = 0
            degraded[b] = 0
            let partial = ParityScheme.parity(of: degraded, units: 2)
            let pbmul = GF256.inverse(GF256.power(b - a) ^ 1)
            let qmul = GF256.inverse(GF256.power(a) ^ GF256.power(b))
            var da: UInt64 = 0, db: UInt64 = 0
            for byte in 0..<8 {
                let shift = UInt64(8 * byte)
                let px = UInt8(truncatingIfNeeded: (pq[0] ^ partial[0]) >> shift)
                let qx = GF256.multiply(UInt8(truncatingIfNeeded: (pq[1] ^ partial[1]) >> shift), qmul)
                let rb = GF256.multiply(px, pbmul) ^ qx
                db |= UInt64(rb) << shift
                da |= UInt64(rb ^ px) << shift
            }
            #expect(da == data[a] && db == data[b], "trial \(trial): columns \(a), \(b) of \(d)")
        }
    }

    /// Q weights column i by gⁱ: one byte 1 in column 3 gives g³ = 8 in Q.
    @Test func qWeightsEachColumnByItsPower() {
        let pq = ParityScheme.parity(of: [0, 0, 0, 0x0100], units: 2)
        #expect(pq == [0x0100, 0x0800])
        #expect(ParityScheme.parity(of: [5, 7], units: 1) == [2])
        #expect(ParityScheme.parity(of: [5, 7], units: 0) == [])
    }
}

/// RAID6 maps worked out by hand from SPEC 2: LCMdP = lcm(W, 2) / 2, R = N mod LCMdP,
/// P on (2W − 2 − 2R) mod W, Q on the next device, data column c on (2W + c − 2R) mod W.
struct Raid6LayoutTests {
    /// What each device holds in stripe `stripe`: "D0".., "P", "Q" (one group, no mirrors),
    /// after checking every unit's object page is the stripe's own.
    func units(_ l: OreLayout, stripe: Int) -> [String] {
        var result = Array(repeating: "", count: l.devices)
        for column in 0..<l.dataDevices {
            let si = l.stripeInfo(at: UInt64(stripe) * l.stripeBytes + UInt64(column) * l.stripeUnit)
            #expect(si.objOffset == UInt64(stripe) * l.stripeUnit)
            result[si.dev] += "D\(column)"
        }
        let si = l.stripeInfo(at: UInt64(stripe) * l.stripeBytes)
        result[si.parityDev!] += "P"
        result[si.qDev!] += "Q"
        return result
    }

    /// W = 4, LCMdP = 2: the pair alternates between devs 2, 3 and devs 0, 1.
    @Test func fourDevices() throws {
        let l = try OreLayout(raid: .raid6, devices: 4, stripeUnit: 4096)
        #expect(units(l, stripe: 0) == ["D0", "D1", "P", "Q"])
        #expect(units(l, stripe: 1) == ["P", "Q", "D0", "D1"])
        #expect(units(l, stripe: 2) == ["D0", "D1", "P", "Q"])
    }

    /// W = 5, LCMdP = 5: P visits 3, 1, 4, 2, 0; in stripe 2 Q wraps to dev 0.
    @Test func fiveDevices() throws {
        let l = try OreLayout(raid: .raid6, devices: 5, stripeUnit: 8192)
        #expect(units(l, stripe: 0) == ["D0", "D1", "D2", "P", "Q"])
        #expect(units(l, stripe: 1) == ["D2", "P", "Q", "D0", "D1"])
        #expect(units(l, stripe: 2) == ["Q", "D0", "D1", "D2", "P"])
        #expect(units(l, stripe: 3) == ["D1", "D2", "P", "Q", "D0"])
        #expect(units(l, stripe: 4) == ["P", "Q", "D0", "D1", "D2"])
        #expect(units(l, stripe: 5) == ["D0", "D1", "D2", "P", "Q"])
    }

    /// W = 6, LCMdP = 3: P on 4, 2, 0, then again.
    @Test func sixDevices() throws {
        let l = try OreLayout(raid: .raid6, devices: 6, stripeUnit: 16384)
        #expect(units(l, stripe: 0) == ["D0", "D1", "D2", "D3", "P", "Q"])
        #expect(units(l, stripe: 1) == ["D2", "D3", "P", "Q", "D0", "D1"])
        #expect(units(l, stripe: 2) == ["P", "Q", "D0", "D1", "D2", "D3"])
        #expect(units(l, stripe: 3) == ["D0", "D1", "D2", "D3", "P", "Q"])
        // The second page of stripe 1's column 0 sits one page into dev 4's unit.
        let si = l.stripeInfo(at: 1 * l.stripeBytes + pageSize)
        #expect(si.dev == 4 && si.objOffset == 16384 + 4096 && si.row == 1)
    }

    /// 16 devices, 2 mirrors, 2 groups of 4, 2 stripes deep, 4K units: a stripe holds 2
    /// data pages, a group 4, a cycle 8. [dev, object page, P dev, Q dev], first mirrors.
    @Test func groupsAndMirrors() throws {
        let l = try OreLayout(raid: .raid6, devices: 16, stripeUnit: 4096, mirrors: 2, groupWidth: 4, groupDepth: 2)
        func map(_ page: Int) -> [Int] {
            let si = l.stripeInfo(at: UInt64(page) * pageSize)
            return [si.dev, Int(si.objOffset / pageSize), si.parityDev!, si.qDev!]
        }
        let expected: [Int: [Int]] = [
            0: [0, 0, 4, 6], 1: [2, 0, 4, 6],        // group 0, stripe 0: P, Q on components 2, 3
            2: [4, 1, 0, 2], 3: [6, 1, 0, 2],        // stripe 1: P, Q on components 0, 1
            4: [8, 0, 12, 14], 5: [10, 0, 12, 14],   // group 1 starts the rotation over
            6: [12, 1, 8, 10], 7: [14, 1, 8, 10],
            8: [0, 2, 4, 6], 10: [4, 3, 0, 2],       // cycle 1: object pages 2 and 3
            13: [10, 2, 12, 14],
        ]
        for (page, want) in expected { #expect(map(page) == want, "page \(page)") }
        // File stripe 6 (pages 12..13) is cycle 1, group 1, stripe 0.
        #expect(l.paritySlots(stripe: 6, row: 0).map(\.devs) == [12..<14, 14..<16])
    }

    @Test func validation() {
        #expect(throws: LayoutError.self) { try OreLayout(raid: .raid6, devices: 2, stripeUnit: 4096) }
        #expect(throws: LayoutError.self) {
            try OreLayout(raid: .raid6, devices: 8, stripeUnit: 4096, mirrors: 2, groupWidth: 2, groupDepth: 1)
        }
        #expect((try? OreLayout(raid: .raid6, devices: 3, stripeUnit: 4096))?.dataDevices == 1)
    }
}

/// The RAID6 write path: read-4-write as for RAID5, then P and Q.
struct Raid6WritePathTests {
    /// A RAID6 layout and the RAID5 one with the same data columns (one device fewer)
    /// get the same get_page and put_page calls for the same writes.
    @Test(arguments: ["cache 0..3\nwrite 5..6", "write 2", "write 2..13", "cache 9\nwrite 10..22", "write 0..11"])
    func sameReadForWriteAsRaid5(commands: String) throws {
        func exec(_ raid: String, devices: Int) throws -> [ExecSummary] {
            try run("set placement=seed\nlayout \(raid) devices=\(devices) stripe-unit=16K\nfile size=96K\n\(commands)\nwritepages\ncheck\n")
                .execSummaries()
        }
        let raid5 = try exec("raid5", devices: 4), raid6 = try exec("raid6", devices: 5)
        #expect(raid6.count == raid5.count)
        #expect(raid6.map(\.getPage) == raid5.map(\.getPage))
        #expect(raid6.map(\.putPage) == raid5.map(\.putPage))
        #expect(raid6.map(\.pages) == raid5.map(\.pages))
    }

    /// Pages 5..6 are column 1, rows 1..2 of stripe 0 (data on devs 0, 1, 2, P on 3, Q on
    /// 4): the data goes to dev 1 and rows 1..2 of P and Q to devs 3 and 4.
    @Test func writesDataPAndQ() throws {
        let t = try run("layout raid6 devices=5 stripe-unit=16K\nfile size=96K\ncache 0..3\nwrite 5..6\nwritepages\ncheck\n")
        let exec = try #require(t.execSummaries().first)
        #expect(exec.getPage == [[1, 1], [2, 1], [9, 0], [10, 0]])
        #expect(exec.devRead == [[2, 1], [2, 2]])
        #expect(exec.devWrite == [[1, 1], [1, 2], [3, 1], [3, 2], [4, 1], [4, 2]])
        let end = t.state(at: t.count - 1)
        let pq = ParityScheme.parity(stripe: 0, row: 1, layout: end.layout!) { end.pages[$0].token }
        #expect(end.devices[3].token(at: 1) == pq[0] && end.devices[4].token(at: 1) == pq[1])
        #expect(pq[0] != pq[1])
        #expect(!(0..<t.count).contains { t.event($0).kind == .violation })
    }

    /// Invariant 2 names the unit that disagrees: Q's device failed during the write.
    @Test func staleQIsReportedAsQ() throws {
        let t = try run("layout raid6 devices=5 stripe-unit=8K\nfile size=48K\nfail dev=4\nwrite 3\nwritepages\nrepair dev=4\ncheck\n")
        let details = (0..<t.count).compactMap { seq -> String? in
            if case .violation(2, let detail) = t.payload(of: seq) { return detail } else { return nil }
        }
        #expect(!details.isEmpty)
        #expect(details.allSatisfy { $0.contains("row 1: Q on dev 4 (object page 1)") && !$0.contains("P on") })
    }
}
