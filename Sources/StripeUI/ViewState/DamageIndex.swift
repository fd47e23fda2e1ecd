import StripeCore

/// Misplaced units (invariant 7), found once per timeline and kept as intervals of
/// events, so the stripe map can mark them at every later event until a write at the
/// right place repairs them, without scanning the timeline at every frame: the index
/// reads each event once, as the cursor first goes past it.
struct DamageIndex: Sendable {
    /// An object page written where its mapping does not put it, from the write that
    /// put it there until a correct write over it (nil: not yet repaired).
    struct Misplaced: Sendable {
        var place: UnitPage
        var since: Int
        var until: Int?
    }

    /// Events read so far.
    private(set) var scanned = 0
    private var misplaced: [Misplaced] = []
    /// Where in `misplaced` each place still marked is.
    private var open: [UnitPage: Int] = [:]

    /// Reads the events up to `end` (exclusive) not read yet.
    mutating func extend(_ t: Timeline, to end: Int) {
        while scanned < min(end, t.count) {
            defer { scanned += 1 }
            guard t.event(scanned).kind == .devWrite, case .devWrite(let submitted) = t.payload(of: scanned) else { continue }
            for entry in t.entries(of: submitted.request) {
                let place = UnitPage(dev: submitted.request.dev, objPage: entry.objPage)
                if entry.misplaced {
                    if open[place] == nil {
                        open[place] = misplaced.count
                        misplaced.append(Misplaced(place: place, since: scanned))
                    }
                } else if let n = open.removeValue(forKey: place) {
                    misplaced[n].until = scanned
                }
            }
        }
    }

    /// The places marked at event `seq` (read already), with the event that caused each.
    func misplaced(at seq: Int) -> [UnitPage: Int] {
        var marks: [UnitPage: Int] = [:]
        // In the order they were found: the marks caused after `seq` come last.
        for mark in misplaced {
            guard mark.since <= seq else { break }
            if mark.until.map({ $0 > seq }) ?? true { marks[mark.place] = mark.since }
        }
        return marks
    }
}

/// One object page of one device.
public struct UnitPage: Hashable, Sendable {
    public var dev: Int
    public var objPage: UInt64

    public init(dev: Int, objPage: UInt64) {
        self.dev = dev
        self.objPage = objPage
    }
}
