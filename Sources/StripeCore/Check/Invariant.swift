/// The invariants of SPEC 6, by rule number.
public enum Invariant {
    /// A short name for rule `rule`.
    public static func name(_ rule: UInt8) -> String {
        switch rule {
        case 1: "no data loss"
        case 2: "parity consistency"
        case 3: "references"
        case 4: "r4w never reads over dirty data"
        case 5: "locking"
        case 6: "nothing stranded"
        case 7: "placement"
        case 8: "honest reads"
        default: "unknown"
        }
    }
}
