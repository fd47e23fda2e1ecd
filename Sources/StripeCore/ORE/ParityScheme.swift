/// The parity of one stripe row, the one place parity is computed (write path, file
/// creation, invariant 2, views): P is the XOR of the row's data (`async_xor`); with
/// RAID6, Q = Σ gⁱ·Dᵢ over GF(2⁸), g = 2, polynomial 0x11d, i the data column
/// (`async_gen_syndrome`, as the kernel's raid6 library), bytewise on the little-endian
/// bytes of the 64-bit tokens.
public enum ParityScheme {
    /// The parity units' tokens for `data`, the row's data tokens in data-column order:
    /// `[P]` for one parity unit, `[P, Q]` for two, `[]` for none.
    public static func parity(of data: [UInt64], units: Int) -> [UInt64] {
        guard units > 0 else { return [] }
        var p: UInt64 = 0
        for token in data { p ^= token }
        guard units > 1 else { return [p] }
        // Horner's rule from the last column: Q = ((D_{n-1}·g + D_{n-2})·g + …)·g + D_0.
        var q: UInt64 = 0
        for token in data.reversed() { q = GF256.times2(q) ^ token }
        return [p, q]
    }

    /// The parity of row `row` of file-order stripe `stripe`: `token(page)` gives each data
    /// page's content (file page index), read in data-column order. File creation reads
    /// the initial tokens, invariant 2 the devices.
    public static func parity(stripe: UInt64, row: Int, layout: some StripeGeometry, token: (Int) -> UInt64) -> [UInt64] {
        let firstPage = Int(stripe) * layout.pagesInStripe + row
        let data = (0..<layout.dataDevices).map { token(firstPage + $0 * layout.pagesInUnit) }
        return parity(of: data, units: layout.parity)
    }

    /// The name of parity unit `unit` (the index into `parity(of:units:)`): P, then Q.
    public static func name(ofUnit unit: Int) -> String { unit == 0 ? "P" : "Q" }
}

/// Arithmetic in GF(2⁸) with the RAID6 polynomial x⁸+x⁴+x³+x²+1 (0x11d), on one byte
/// or on the eight bytes of a token at once.
public enum GF256 {
    /// g·x for each of the eight bytes of `x`: shift left, and reduce the bytes whose top bit
    /// was set by 0x1d.
    @inlinable public static func times2(_ x: UInt64) -> UInt64 {
        let high = x & 0x8080_8080_8080_8080
        let shifted = (x << 1) & 0xFEFE_FEFE_FEFE_FEFE
        return shifted ^ ((high >> 7) &* 0x1d)
    }

    /// a·b in GF(2⁸).
    public static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var result: UInt8 = 0
        var a = a, b = b
        while b != 0 {
            if b & 1 != 0 { result ^= a }
            a = UInt8(truncatingIfNeeded: times2(UInt64(a)))
            b >>= 1
        }
        return result
    }

    /// gⁿ.
    public static func power(_ n: Int) -> UInt8 {
        var x: UInt8 = 1
        for _ in 0..<(n % 255) { x = multiply(x, 2) }
        return x
    }

    /// a⁻¹ (a ≠ 0): a²⁵⁴.
    public static func inverse(_ a: UInt8) -> UInt8 {
        var result: UInt8 = 1
        for _ in 0..<254 { result = multiply(result, a) }
        return result
    }

    /// Each byte of `x` multiplied by `c`.
    public static func multiply(_ x: UInt64, by c: UInt8) -> UInt64 {
        var result: UInt64 = 0
        for byte in 0..<8 {
            let b = UInt8(truncatingIfNeeded: x >> (8 * byte))
            result |= UInt64(multiply(b, c)) << (8 * byte)
        }
        return result
    }
}
