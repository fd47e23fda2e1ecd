/// Page contents as 64-bit tokens (SPEC 3): exact enough to check parity and data loss.
public enum Token {
    /// The token of page `page` of a file created with `file size=`.
    public static func initial(page: Int) -> UInt64 { mix(UInt64(page) &+ 0x5EED_F11E) }

    /// The token of page `page` of a file of `fileSize` bytes: its last, partial page holds
    /// data only below the size (exofs never writes past i_size; the rest is zeros).
    public static func initial(page: Int, fileSize: UInt64) -> UInt64 {
        let tail = fileSize % 4096
        guard tail != 0, UInt64(page) == fileSize / 4096 else { return initial(page: page) }
        return truncated(initial(page: page), keeping: tail)
    }

    /// The `n`-th fresh token handed out to a user write.
    public static func fresh(_ n: UInt64) -> UInt64 { mix(n &+ 0x00C0_FFEE_0000_0000) }

    /// A token as people read it: `0x1f2e…`.
    public static func hex(_ token: UInt64) -> String { "0x" + String(token, radix: 16) }

    /// The content of a page whose bytes from `keeping` on were zeroed (a truncated tail).
    public static func truncated(_ token: UInt64, keeping: UInt64) -> UInt64 {
        if keeping == 0 || token == 0 { return 0 }
        return keeping >= 4096 ? token : mix(token ^ (keeping &* 0x1000_0000_01B3))
    }

    /// splitmix64: distinct inputs give distinct, well-spread tokens.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        let t = z ^ (z >> 31)
        return t == 0 ? 1 : t
    }
}
