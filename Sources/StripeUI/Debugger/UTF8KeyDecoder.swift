/// Turns the bytes a terminal sends for typed characters into keys: UTF-8 decoded and
/// control characters named. A byte that cannot start or continue a UTF-8 sequence is
/// dropped (with the sequence it broke), so it never holds back the keys after it.
public struct UTF8KeyDecoder: Sendable {
    /// The bytes of a character begun but not finished.
    private var pending: [UInt8] = []
    /// How many bytes the pending character has in all.
    private var length = 0
    /// How many stray bytes and keyless control characters were dropped so far.
    public private(set) var dropped = 0

    public init() {}

    /// Takes one byte; returns the key it completes, if any.
    public mutating func feed(_ byte: UInt8) -> Key? {
        if !pending.isEmpty {
            if byte & 0xC0 == 0x80 {
                pending.append(byte)
                guard pending.count == length else { return nil }
                defer { pending = [] }
                // Overlong forms and surrogates have the right shape but are not UTF-8.
                guard let scalar = String(validating: pending, as: UTF8.self)?.unicodeScalars.first else {
                    dropped += pending.count
                    return nil
                }
                return key(scalar)
            }
            flush()
        }
        switch byte {
        case 0..<0x80: return key(Unicode.Scalar(byte))
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default:
            dropped += 1
            return nil
        }
        pending = [byte]
        return nil
    }

    /// Drops a character left unfinished (a decoded key came between its bytes).
    public mutating func flush() {
        dropped += pending.count
        pending = []
    }

    private mutating func key(_ scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(scalar.value + 96)!))
        case 0..<32, 0x80..<0xA0:
            dropped += 1
            return nil
        default: return .character(Character(scalar))
        }
    }
}
