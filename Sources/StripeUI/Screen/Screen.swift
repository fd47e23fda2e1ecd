/// A grid of cells: what a view draws and what the terminal adapter, `render` and the
/// exporters show. Drawing outside the grid is clipped, never an error.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from (x, y), clipped to `clip` (the whole screen by default); text
    /// cut at the clip's right edge ends in "…", so a reader knows there is more.
    /// A wide character (CJK) takes two cells, the second a `Cell.wideTail`, so no row
    /// is ever wider on the terminal than the screen. Returns the column after the last
    /// character written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY else { return x + text.columns }
        var column = x
        var rest = Substring(text)
        while let character = rest.first {
            let columns = character.columns
            if column + columns > area.maxX {
                if column > area.x, area.maxX <= width, rest.contains(where: { $0 != " " }) {
                    // The ellipsis replaces the last whole character, never half of a wide one.
                    if self[area.maxX - 1, y].character == Cell.wideTail { self[area.maxX - 2, y] = Cell(" ", style) }
                    self[area.maxX - 1, y] = Cell("…", self[area.maxX - 1, y].style)
                }
                break
            }
            if column >= area.x {
                self[column, y] = Cell(Self.bounded(character), style)
                if columns == 2 { self[column + 1, y] = Cell(Cell.wideTail, style) }
            }
            column += columns
            rest = rest.dropFirst()
        }
        return column
    }

    /// A cell's character with at most four scalars: a letter under 100,000 combining
    /// marks is one character, and must not make a frame of a megabyte.
    static func bounded(_ character: Character) -> Character {
        let scalars = character.unicodeScalars
        guard scalars.count > 4 else { return character }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars.prefix(4))
        return String(kept).first ?? character
    }

    /// Fills `rect` with `character` in `style`.
    public mutating func fill(_ rect: Rect, _ character: Character = " ", style: Style = .plain) {
        for y in rect.y..<rect.maxY where y >= 0 && y < height {
            for x in rect.x..<rect.maxX where x >= 0 && x < width { self[x, y] = Cell(character, style) }
        }
    }

    /// Draws a border around `rect` with an optional title in its top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, glyphs: BoxStyle, style: Style = .plain,
                             titleStyle: Style = .bold) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in (rect.x + 1)..<(rect.maxX - 1) {
            self[x, rect.y] = Cell(glyphs.horizontal, style)
            self[x, rect.maxY - 1] = Cell(glyphs.horizontal, style)
        }
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            self[rect.x, y] = Cell(glyphs.vertical, style)
            self[rect.maxX - 1, y] = Cell(glyphs.vertical, style)
        }
        self[rect.x, rect.y] = Cell(glyphs.topLeft, style)
        self[rect.maxX - 1, rect.y] = Cell(glyphs.topRight, style)
        self[rect.x, rect.maxY - 1] = Cell(glyphs.bottomLeft, style)
        self[rect.maxX - 1, rect.maxY - 1] = Cell(glyphs.bottomRight, style)
        if let title, rect.width > 4 {
            put(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle, clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        }
    }

    /// Says on `rect`'s bottom border which rows of how many a panel shows, when it
    /// cannot show them all: " s3..s9 of 40 ".
    public mutating func clipNote(_ rect: Rect, shown: Range<Int>, of total: Int, prefix: String, style: Style) {
        guard shown.lowerBound > 0 || shown.upperBound < total, !shown.isEmpty else { return }
        let range = shown.count == 1 ? "\(prefix)\(shown.lowerBound)" : "\(prefix)\(shown.lowerBound)..\(prefix)\(shown.upperBound - 1)"
        let note = " \(range) of \(total) "
        put(note, x: max(rect.x + 1, rect.maxX - 1 - note.count), y: rect.maxY - 1, style: style,
            clip: Rect(x: rect.x + 1, y: rect.maxY - 1, width: max(0, rect.width - 2), height: 1))
    }

    /// The screen as plain text, one line per row, trailing spaces trimmed.
    public var text: String {
        lines.joined(separator: "\n")
    }

    /// The rows as plain text, trailing spaces trimmed.
    public var lines: [String] {
        (0..<height).map { y in
            var line = String(cells[(y * width)..<((y + 1) * width)].map(\.character).filter { $0 != Cell.wideTail })
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
