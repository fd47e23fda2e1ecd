import Testing
@testable import StripeCore

/// Random RAID6 scenarios in `profile final`, with the two fixes on (`pump=loop`,
/// `placement=seed`) so the final code's known hazards stay out of the way.
struct Raid6PropertyTests {
    static let seeds = Array(UInt64(1)...200)

    static func scenario(seed: UInt64) -> String {
        RandomScenario.make(seed: seed, layouts: RandomScenario.raid6Layouts)
            .replacingOccurrences(of: "\nlayout", with: "\nset pump=loop\nset placement=seed\nlayout")
    }

    /// No invariant breaks, and at the end every row's P and Q on every mirror equal what
    /// this test computes from the data on the devices with its own GF(2⁸) arithmetic.
    @Test func invariantsHoldAndPAndQMatchTheData() throws {
        var rowsChecked = 0
        for seed in Self.seeds {
            let text = Self.scenario(seed: seed)
            let t = try run(text, name: "raid6-\(seed).scn")
            let violations = (0..<t.count).filter { t.event($0).kind == .violation }.map { t.summary(of: $0) }
            #expect(violations.isEmpty, "seed \(seed):\n\(text)\n\(violations)")
            let end = t.state(at: t.count - 1)
            let mismatches = Self.mismatchedRows(end)
            rowsChecked += end.layout!.pagesInUnit * Int(end.stripeSpan)
            #expect(mismatches.isEmpty, "seed \(seed): stripe/row \(mismatches.prefix(4))\n\(text)")
            if !violations.isEmpty || !mismatches.isEmpty { return }
        }
        #expect(rowsChecked > 1000)
    }

    /// Rows (stripe, row) whose P or Q on some mirror is not P = ⊕ Dᵢ, Q = ⊕ gⁱ·Dᵢ
    /// over the data on the devices. Q is summed term by term (gⁱ·Dᵢ by i doublings),
    /// not by Horner's rule as the engine does.
    static func mismatchedRows(_ s: SimState) -> [[Int]] {
        let l = s.layout!
        var result: [[Int]] = []
        for stripe in 0..<Int(s.stripeSpan) {
            let start = UInt64(stripe) * l.stripeBytes
            let first = l.stripeInfo(at: start)
            for row in 0..<l.pagesInUnit {
                var p: UInt64 = 0, q: UInt64 = 0
                for column in 0..<l.dataDevices {
                    let si = l.stripeInfo(at: start + UInt64(column) * l.stripeUnit + UInt64(row) * pageSize)
                    let token = s.devices[si.dev].token(at: Int(si.objOffset / pageSize))
                    var term = token
                    for _ in 0..<column { term = bytewise(term, times2) }
                    p ^= token
                    q ^= term
                }
                let objPage = Int(first.objOffset / pageSize) + row
                let pOK = (0..<l.mirrors).allSatisfy { s.devices[first.parityDev! + $0].token(at: objPage) == p }
                let qOK = (0..<l.mirrors).allSatisfy { s.devices[first.qDev! + $0].token(at: objPage) == q }
                if !pOK || !qOK { result.append([stripe, row]) }
            }
        }
        return result
    }

    /// g·b in GF(2⁸) with the polynomial 0x11d.
    static func times2(_ b: UInt8) -> UInt8 { b & 0x80 != 0 ? (b << 1) ^ 0x1d : b << 1 }

    /// `f` applied to each little-endian byte of `x`.
    static func bytewise(_ x: UInt64, _ f: (UInt8) -> UInt8) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { acc, byte in acc | UInt64(f(UInt8(truncatingIfNeeded: x >> (8 * byte)))) << (8 * byte) }
    }
}
