@testable import StripeUI

/// A terminal that plays a script, as ratatui's `TestBackend`: each batch is input that
/// arrives together (a paste, a burst of keys); a read that waits takes the next batch,
/// a read that does not wait sees only what is left of the current one. An empty batch
/// is a pause: a waiting read with a timeout times out on it. Records every frame.
struct ScriptedBackend: TerminalBackend {
    private(set) var width: Int
    private(set) var height: Int
    private var batches: [[TerminalInput]]
    private var current: [TerminalInput] = []
    private(set) var frames: [(screen: Screen, full: Bool)] = []
    private(set) var suspensions = 0
    private(set) var bells = 0
    /// Whether the loop read past the end of the script (it was given `.hangup`).
    private(set) var ranOut = false

    /// `waiting`: input already there when the loop starts (typed ahead), which even a
    /// read that does not wait sees, as keys pressed while the program is busy.
    init(width: Int = 120, height: Int = 40, waiting: [TerminalInput] = [], _ batches: [[TerminalInput]]) {
        self.width = width
        self.height = height
        self.batches = batches
        current = waiting
    }

    /// The batches the loop never read.
    var unread: Int { batches.count }

    mutating func read(timeout: Int?) -> TerminalInput? {
        while current.isEmpty, timeout != 0 {
            guard !batches.isEmpty else {
                ranOut = true
                return .hangup
            }
            current = batches.removeFirst()
            if current.isEmpty, timeout != nil { return nil }
        }
        guard !current.isEmpty else { return nil }
        let input = current.removeFirst()
        if case .resize(let w, let h) = input { (width, height) = (w, h) }
        return input
    }

    mutating func draw(_ screen: Screen, full: Bool) { frames.append((screen, full)) }
    /// Whether a stop stops (false: as with no job control).
    var canStop = true

    mutating func suspend() -> Bool {
        suspensions += 1
        return canStop
    }
    mutating func bell() { bells += 1 }
}

extension [TerminalInput] {
    /// The bytes of `text` as typed.
    static func typed(_ text: String) -> Self { text.utf8.map(TerminalInput.byte) }
}

extension DebuggerModel {
    /// Runs the effects the model asked for (a read, a write, a build for `:`, `u` or
    /// `o`) and the builds they start to their end, as the loop would with no key coming.
    mutating func finishPendingBuild() {
        var runner = EffectRunner()
        _ = runner.finish(&self)
    }
}
