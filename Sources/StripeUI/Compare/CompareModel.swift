import StripeCore

/// Two worlds on one screen: a debugger model per world over the comparison's two
/// timelines, kept in lockstep on the aligned scenario commands.
public struct CompareModel {
    public enum World: Sendable, Equatable {
        case a, b
        public var name: String { self == .a ? "A" : "B" }
    }

    public let pair: WorldPair
    /// The worlds aligned: nil while a world is still building (`init(opening:)`).
    public internal(set) var comparison: Comparison?
    public internal(set) var a: DebuggerModel
    public internal(set) var b: DebuggerModel
    /// World B's run before it starts: it waits for world A to be built, so each build's
    /// memory (the process's growth from its start) is measured alone against its half
    /// of the budget, as when the worlds were built one after the other up front.
    var bWaiting: EngineRun?
    /// The world the stepping keys move.
    public var focus = World.a
    /// The key bindings in force (the split screen's own rows, and each world's).
    public var keys = KeyMap.defaults {
        didSet {
            a.keys = keys
            b.keys = keys
        }
    }
    public var message: DebuggerModel.Message?
    /// A window over the split screen until the next key: the focused world's current
    /// event and note in effect, whole (Enter), or the split screen's own keys (`?`).
    public enum Overlay: Sendable, Equatable { case detail, help }
    public var overlay: Overlay?
    public var width: Int {
        didSet { resizeWorlds() }
    }
    public var height: Int {
        didSet { resizeWorlds() }
    }
    public var theme: Theme {
        didSet {
            a.theme = theme
            b.theme = theme
        }
    }

    /// The smallest screen the split frame draws (as the single debugger).
    public static let minimumWidth = DebuggerModel.minimumWidth
    public static let minimumHeight = DebuggerModel.minimumHeight
    /// From this width the worlds stand side by side; below it, one above the other.
    public static let sideBySideWidth = 160

    /// Stands world A at event `seq` and world B at the event aligned with it.
    public init(comparison: Comparison, width: Int, height: Int, ascii: Bool = false, monochrome: Bool = false, at seq: Int = 0) {
        pair = comparison.pair
        self.comparison = comparison
        self.width = width
        self.height = height
        theme = Theme(ascii: ascii, monochrome: monochrome)
        a = DebuggerModel(timeline: comparison.a, width: width, height: height, ascii: ascii, monochrome: monochrome, at: seq)
        b = DebuggerModel(timeline: comparison.b, width: width, height: height, ascii: ascii, monochrome: monochrome,
                          at: comparison.event(alignedWith: seq, inA: true))
        // The split screen steps two worlds at once: it does not stop one for a question.
        a.asksQuestions = false
        b.asksQuestions = false
    }

    public func model(_ world: World) -> DebuggerModel { world == .a ? a : b }

    /// Has one world's debugger do `action`, in place; returns its message.
    mutating func perform(_ action: KeyAction, in world: World) -> DebuggerModel.Message? {
        if world == .a { a.message = nil; _ = a.perform(action) } else { b.message = nil; _ = b.perform(action) }
        return model(world).message
    }

    /// Moves one world to event `seq`, the other staying where it is.
    public mutating func move(_ world: World, to seq: Int) {
        if world == .a { a.move(to: seq) } else { b.move(to: seq) }
    }

    /// Moves `world` to `seq` and the other world to the event aligned with it.
    public mutating func moveBoth(_ world: World, to seq: Int) {
        move(world, to: seq)
        guard let comparison else { return }
        let other: World = world == .a ? .b : .a
        move(other, to: comparison.event(alignedWith: model(world).cursor, inA: world == .a))
    }

    private mutating func resizeWorlds() {
        a.width = width
        a.height = height
        b.width = width
        b.height = height
    }
}
