/// One stripe row as a degraded read finds it: the data blocks in data-column order and
/// the parity blocks (P, then Q with RAID6), nil where every copy sits on a failed device.
public struct DegradedRow: Sendable, Equatable {
    public var data: [UInt64?]
    public var parity: [UInt64?]

    public init(data: [UInt64?], parity: [UInt64?]) {
        self.data = data
        self.parity = parity
    }
}

/// How md rebuilds the blocks of a row that a failed device took, write-path
/// independent, on `ParityScheme`'s arithmetic: the RAID5 XOR of the row's other blocks
/// (`ops_run_compute5`, and `ops_run_compute6_1` for a data block while P survives), and
/// the RAID6 recoveries of lib/raid6/recov.c (`raid6_datap_recov`, `raid6_2data_recov`).
/// md's `fetch_block` / `ops_run_compute5/6` call this; the crash states call it to say
/// what md would return over a power cut's on-disk state.
public enum Reconstruct {
    /// The row's data blocks with the lost ones rebuilt, or nil when too many blocks are
    /// gone to rebuild them (md fails the read: `-EIO`).
    public static func data(of row: DegradedRow) -> [UInt64]? {
        let lost = row.data.indices.filter { row.data[$0] == nil }
        guard !lost.isEmpty else { return row.data.map { $0! } }
        let p = row.parity.first ?? nil
        let q = row.parity.count > 1 ? row.parity[1] : nil
        var data = row.data
        switch (lost.count, p, q) {
        case (1, let p?, _):
            data[lost[0]] = xor(row.data.compactMap { $0 } + [p])
        case (1, nil, let q?):
            data[lost[0]] = raid6DataP(data: row.data, failed: lost[0], q: q)
        case (2, let p?, let q?):
            let (a, b) = raid6TwoData(data: row.data, failA: lost[0], failB: lost[1], p: p, q: q)
            data[lost[0]] = a
            data[lost[1]] = b
        default:
            return nil
        }
        return data.map { $0! }
    }

    /// `async_xor` of the surviving blocks (`ops_run_compute5`: "compute missing block").
    public static func xor(_ blocks: [UInt64]) -> UInt64 { ParityScheme.parity(of: blocks, units: 1)[0] }

    /// `raid6_datap_recov(disks, bytes, faila, ptrs)`: data column `failed` and P lost.
    ///
    ///     dq = (u8 *)ptrs[faila]; ptrs[faila] = ZERO_PAGE; ptrs[disks-1] = dq;
    ///     raid6_gen_syndrome(disks, bytes, ptrs);
    ///     qmul  = raid6_gfmul[raid6_gfinv[raid6_gfexp[faila]]];
    ///     *p++ ^= *dq = qmul[*q ^ *dq];
    public static func raid6DataP(data: [UInt64?], failed: Int, q: UInt64) -> UInt64 {
        let dq = ParityScheme.parity(of: data.map { $0 ?? 0 }, units: 2)[1]
        let qmul = GF256.inverse(GF256.power(failed))
        return GF256.multiply(q ^ dq, by: qmul)
    }

    /// `raid6_2data_recov(disks, bytes, faila, failb, ptrs)`: data columns `failA` <
    /// `failB` lost, P and Q read.
    ///
    ///     dp, dq = the syndrome with zero pages for the missing data;
    ///     pbmul = raid6_gfmul[raid6_gfexi[failb-faila]];
    ///     qmul  = raid6_gfmul[raid6_gfinv[raid6_gfexp[faila]^raid6_gfexp[failb]]];
    ///     px = *p ^ *dp; qx = qmul[*q ^ *dq];
    ///     *dq++ = db = pbmul[px] ^ qx; /* Reconstructed B */
    ///     *dp++ = db ^ px; /* Reconstructed A */
    ///
    /// `raid6_gfexi[x]` is (gˣ + 1)⁻¹.
    public static func raid6TwoData(data: [UInt64?], failA: Int, failB: Int, p: UInt64, q: UInt64) -> (UInt64, UInt64) {
        let syndrome = ParityScheme.parity(of: data.map { $0 ?? 0 }, units: 2)
        let pbmul = GF256.inverse(GF256.power(failB - failA) ^ 1)
        let qmul = GF256.inverse(GF256.power(failA) ^ GF256.power(failB))
        let px = p ^ syndrome[0]
        let qx = GF256.multiply(q ^ syndrome[1], by: qmul)
        let db = GF256.multiply(px, by: pbmul) ^ qx
        return (db ^ px, db)
    }
}
