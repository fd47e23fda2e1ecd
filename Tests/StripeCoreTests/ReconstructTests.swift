import Testing
@testable import StripeCore

/// md's rebuilds against lib/raid6's algebra computed here with the kernel's own tables
/// (`mktables.c`: exp, log, inverse and exi tables built by shifting and reducing by
/// 0x11d), not with StripeCore's GF256, byte by byte as `raid6_2data_recov_intx1` and
/// `raid6_datap_recov_intx1` loop.
struct ReconstructTests {
    /// The kernel's tables, built the way mktables.c builds them.
    struct Tables {
        var exp = [UInt8](repeating: 0, count: 256)
        var log = [UInt8](repeating: 0, count: 256)
        init() {
            var v: UInt8 = 1
            for i in 0..<255 {
                exp[i] = v
                log[Int(v)] = UInt8(i)
                v = (v << 1) ^ (v & 0x80 != 0 ? 0x1d : 0)
            }
            exp[255] = exp[0]
        }
        func mul(_ a: UInt8, _ b: UInt8) -> UInt8 {
            a == 0 || b == 0 ? 0 : exp[(Int(log[Int(a)]) + Int(log[Int(b)])) % 255]
        }
        func inv(_ a: UInt8) -> UInt8 { exp[(255 - Int(log[Int(a)])) % 255] }
        /// raid6_gfexi[x] = inv(2^x + 1).
        func exi(_ x: Int) -> UInt8 { inv(exp[x] ^ 1) }
    }

    static let t = Tables()

    /// P and Q of `data` (Q = Σ gⁱ·Dᵢ) bytewise with the tables.
    static func syndrome(_ data: [UInt64]) -> (p: UInt64, q: UInt64) {
        var p: UInt64 = 0, q: UInt64 = 0
        for (i, d) in data.enumerated() {
            p ^= d
            for byte in 0..<8 {
                let b = UInt8(truncatingIfNeeded: d >> (8 * byte))
                q ^= UInt64(t.mul(t.exp[i % 255], b)) << (8 * byte)
            }
        }
        return (p, q)
    }

    /// `raid6_2data_recov_intx1`, one byte lane after another.
    static func kernel2data(_ data: [UInt64], a: Int, b: Int, p: UInt64, q: UInt64) -> (UInt64, UInt64) {
        var zeroed = data
        zeroed[a] = 0
        zeroed[b] = 0
        let (dp, dq) = syndrome(zeroed)
        let pbmul = t.exi(b - a), qmul = t.inv(t.exp[a] ^ t.exp[b])
        var da: UInt64 = 0, db: UInt64 = 0
        for byte in 0..<8 {
            let lane = { (x: UInt64) in UInt8(truncatingIfNeeded: x >> (8 * byte)) }
            let px = lane(p) ^ lane(dp)
            let qx = t.mul(qmul, lane(q) ^ lane(dq))
            let rb = t.mul(pbmul, px) ^ qx
            db |= UInt64(rb) << (8 * byte)
            da |= UInt64(rb ^ px) << (8 * byte)
        }
        return (da, db)
    }

    @Test func twoLostDataColumnsAsRaid6TwoDataRecov() {
        var rng = SeededGenerator(state: 23)
        for _ in 0..<300 {
            let d = Int.random(in: 2...16, using: &rng)
            let data = (0..<d).map { _ in rng.next() }
            let (p, q) = Self.syndrome(data)
            let a = Int.random(in: 0..<(d - 1), using: &rng)
            let b = Int.random(in: (a + 1)..<d, using: &rng)
            var row = data.map(Optional.some)
            row[a] = nil
            row[b] = nil
            let kernel = Self.kernel2data(data, a: a, b: b, p: p, q: q)
            #expect(kernel == (data[a], data[b]), "the test's own algebra")
            let ours = Reconstruct.raid6TwoData(data: row, failA: a, failB: b, p: p, q: q)
            #expect(ours == kernel)
            #expect(Reconstruct.data(of: DegradedRow(data: row, parity: [p, q])) == data)
        }
    }

    /// `raid6_datap_recov`: a data column and P lost, rebuilt from Q alone.
    @Test func dataAndPLostAsRaid6DatapRecov() {
        var rng = SeededGenerator(state: 5)
        for _ in 0..<300 {
            let d = Int.random(in: 1...16, using: &rng)
            let data = (0..<d).map { _ in rng.next() }
            let (_, q) = Self.syndrome(data)
            let a = Int.random(in: 0..<d, using: &rng)
            var row = data.map(Optional.some)
            row[a] = nil
            #expect(Reconstruct.raid6DataP(data: row, failed: a, q: q) == data[a])
            #expect(Reconstruct.data(of: DegradedRow(data: row, parity: [nil, q])) == data)
        }
    }

    /// RAID5 (and RAID6 with P): the XOR of the row's other blocks; too many lost: nil (-EIO).
    @Test func xorAndTooManyLost() {
        let data: [UInt64] = [0x1111, 0x2222_0000, 0x4444_0000_0000]
        let p = data.reduce(0, ^)
        #expect(Reconstruct.data(of: DegradedRow(data: [data[0], nil, data[2]], parity: [p])) == data)
        #expect(Reconstruct.data(of: DegradedRow(data: [data[0], nil, nil], parity: [p])) == nil)
        #expect(Reconstruct.data(of: DegradedRow(data: [nil, data[1], data[2]], parity: [nil])) == nil)
        #expect(Reconstruct.data(of: DegradedRow(data: [nil, nil, data[2]], parity: [p, nil])) == nil)
        // A stale P rebuilds a block nobody wrote.
        #expect(Reconstruct.data(of: DegradedRow(data: [data[0], nil, data[2]], parity: [p ^ 0xff]))?[1] != data[1])
    }
}
