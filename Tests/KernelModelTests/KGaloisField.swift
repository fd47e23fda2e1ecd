/// GF(2^8) as lib/raid6 uses it (generator 2, polynomial x^8 + x^4 + x^3 + x^2 + 1 = 0x11d),
/// for RAID6's Q, written here by shift-and-add so the model shares no table with the engine.
enum KGaloisField {
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = a, b = b, product: UInt8 = 0
        while b != 0 {
            if b & 1 != 0 { product ^= a }
            let carry = a & 0x80 != 0
            a <<= 1
            if carry { a ^= 0x1d }
            b >>= 1
        }
        return product
    }

    /// Every byte of a 64-bit token (little-endian) times `c`.
    static func multiply(_ token: UInt64, by c: UInt8) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { result, byte in
            result | UInt64(multiply(UInt8(truncatingIfNeeded: token >> (8 * byte)), c)) << (8 * byte)
        }
    }
}
