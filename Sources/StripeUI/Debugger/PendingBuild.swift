import StripeCore

/// A timeline that `:`, `u` or `o` asked for, built by the run loop between keys (the
/// `.build` effect), not inside `update`: the screen keeps showing the timeline it has and
/// answers every key, Esc cancels, and the new timeline takes over once it reaches the
/// point the user will stand on. Built within the memory budget; over it, the build
/// stops, the status line says so and the old timeline stays.
struct PendingBuild {
    enum Goal {
        /// `:` inserted scenario command `number` (counted from 0): stand on it.
        case edit(text: String, line: Int, number: Int, rows: [String])
        /// `u`: back to an earlier scenario, at the event the cursor was on.
        case undo(cursor: Int, rows: [String]?)
        /// `o`: another scenario, from its start, with its file's bytes if it has one.
        case open(String, bytes: [UInt8]?)
    }

    let run: EngineRun
    let goal: Goal
    /// Events of the new timeline already looked at for the inserted command.
    var scanned = 0

    /// Where the new timeline's cursor goes, once the build has got that far.
    mutating func target() -> Int? {
        let t = run.timeline
        switch goal {
        case .edit(_, _, let number, _):
            while scanned < t.count {
                defer { scanned += 1 }
                if t.event(scanned).kind == .command, case .command(_, _, let n) = t.payload(of: scanned), n == number { return scanned }
            }
            return run.isFinished ? max(0, t.count - 1) : nil
        case .undo(let cursor, _):
            return t.count > cursor || run.isFinished ? min(cursor, t.count - 1) : nil
        case .open:
            return t.count >= DebuggerModel.firstFrameEvents || run.isFinished ? 0 : nil
        }
    }
}
