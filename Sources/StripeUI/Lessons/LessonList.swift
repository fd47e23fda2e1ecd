import StripeCore

/// The bundled lessons as `o` lists them: in lesson order, each with its title and
/// whether `stripescope check` passes it (invariants, kernel bugs and claims).
public struct LessonList: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var title: String
        public var passes: Bool
    }

    public internal(set) var entries: [Entry] = []
    /// The lesson the list's cursor is on (↑ ↓ in the `o` prompt).
    public internal(set) var selected = 0

    public init() {}

    /// Runs every bundled scenario once to mark it (they are small lessons).
    init(_ bundled: [(name: String, text: String)], current: String) {
        entries = bundled.map { name, text in
            guard let scenario = try? ScenarioParser.parse(text, name: "\(name).scn") else {
                return Entry(name: name, title: name, passes: false)
            }
            return Entry(name: name, title: scenario.title, passes: Engine.run(scenario).checkOutcome.passes)
        }
        selected = bundled.firstIndex { "\($0.name).scn" == current } ?? 0
    }

    /// The entries whose names start with what is typed in the prompt.
    func matching(_ typed: String) -> [(offset: Int, element: Entry)] {
        entries.enumerated().filter { typed.isEmpty || $0.element.name.hasPrefix(typed) }.map { ($0.offset, $0.element) }
    }
}

extension DebuggerModel {
    /// `o`: the prompt to type a file or a lesson's name, over the list of lessons.
    mutating func openLessons() {
        lessons = LessonList(files.bundled, current: timeline.scenario.name)
        mode = .prompt(.open, "")
        message = Message(text: "a file, or bundled: " + files.bundled.map(\.name).joined(separator: " "), isError: false)
    }

    /// ↑ ↓ in the `o` prompt move the list's cursor; Enter with nothing typed opens it.
    mutating func moveLessonCursor(by step: Int) {
        guard !lessons.entries.isEmpty else { return }
        lessons.selected = max(0, min(lessons.entries.count - 1, lessons.selected + step))
    }

    var selectedLesson: String? { lessons.entries.indices.contains(lessons.selected) ? lessons.entries[lessons.selected].name : nil }

    /// `>`: the bundled lesson after this one, in lesson order (the first one from a file).
    mutating func openNextLesson() {
        let names = files.bundled.map(\.name)
        guard !names.isEmpty else {
            message = Message(text: "no bundled lessons in this program", isError: true)
            return
        }
        let here = names.firstIndex { "\($0).scn" == timeline.scenario.name }
        guard here.map({ $0 + 1 < names.count }) ?? true else {
            message = Message(text: "this is the last lesson; o lists them all", isError: false)
            return
        }
        open(names[here.map { $0 + 1 } ?? 0])
    }

    /// What opening `name` says: its place among the lessons when it is one.
    func openedMessage(_ name: String) -> String {
        let names = files.bundled.map(\.name)
        guard let n = names.firstIndex(of: name) else { return "opened \(name)" }
        return "lesson \(n + 1) of \(names.count): \(name) (> the next, o the list)"
    }
}

/// The list under the `o` prompt: lessons in order, ✓ or ✗ as `check` says, titles.
struct LessonListOverlay {
    let model: DebuggerModel
    let typed: String

    func draw(into screen: inout Screen) {
        let items = model.lessons.matching(typed)
        guard !items.isEmpty else { return }
        let theme = model.theme
        let width = min(screen.width - 2, 100)
        let height = min(screen.height - 4, items.count + 2)
        let rect = Rect(x: (screen.width - width) / 2, y: max(1, (screen.height - height) / 2), width: width, height: height)
        screen.fill(rect)
        screen.box(rect, title: "lessons: ↑ ↓ choose, Enter opens, or type a name or a file", glyphs: theme.box, style: .bold)
        let rows = height - 2
        let position = items.firstIndex { $0.offset == model.lessons.selected } ?? 0
        let first = max(0, min(position - rows / 2, items.count - rows))
        for (row, item) in items[first..<min(items.count, first + rows)].enumerated() {
            let mark = item.element.passes ? "✓" : "✗"
            let line = " \(String(item.offset + 1).padded(2, left: true)) \(mark) \(item.element.name.padded(22)) \(item.element.title)"
            let style: Style = item.offset == model.lessons.selected ? theme.current : .plain
            screen.put(line, x: rect.x + 1, y: rect.y + 1 + row, style: style, clip: rect.inset(1))
        }
    }
}
