/// Sizes as scenarios and the CLI write them: `16K`, `1M`, `4096` (K, M, G are powers of 1024).
public enum SizeFormat {
    /// Parses `16K`, `1M`, `2G` or a plain byte count; nil when malformed. A size too
    /// large to count saturates to `UInt64.max`, so each caller's upper bound rejects it
    /// with a message that says what is too large rather than "malformed".
    public static func parse(_ text: Substring) -> UInt64? {
        guard let last = text.last else { return nil }
        var digits = text
        var scale: UInt64 = 1
        switch last {
        case "K", "k": scale = 1 << 10
        case "M", "m": scale = 1 << 20
        case "G", "g": scale = 1 << 30
        default: break
        }
        if scale != 1 { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        guard let value = UInt64(digits) else { return .max }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: scale)
        return overflow ? .max : bytes
    }

    /// The shortest exact spelling: 16384 → "16K", 5000 → "5000".
    public static func string(_ bytes: UInt64) -> String {
        for (suffix, shift) in [("G", 30), ("M", 20), ("K", 10)] where bytes != 0 && bytes % (1 << UInt64(shift)) == 0 {
            return "\(bytes >> UInt64(shift))\(suffix)"
        }
        return "\(bytes)"
    }
}
