import StripeCore

/// The stripe map of a layout as text: devices as columns, stripes as rows, each unit
/// labelled with its data column (D0, D1, ...) and file pages, or P and Q for parity.
/// Shared by `stripescope layout --format table` and the layout explorer.
public struct LayoutTable {
    public let layout: OreLayout
    /// File-order stripes to show.
    public let stripes: Range<Int>

    /// How much a data cell says; the table drops detail rather than overflow its width.
    public enum Detail: CaseIterable, Sendable {
        /// `D1 4-7`: the column and the unit's file pages.
        case pageRange
        /// `D1 4`: the column and the unit's first file page.
        case firstPage
        /// `D1`: the column only.
        case column
        /// `D1` under `d12` headers, one space between columns: many devices.
        case narrow
    }

    public init(layout: OreLayout, stripes: Range<Int>) {
        self.layout = layout
        self.stripes = stripes
    }

    /// The first stripes, at most 64 rows: a whole parity rotation, or with groups two
    /// cycles over every group, so the rotation is seen restarting in each.
    public static func defaultStripes(_ layout: OreLayout) -> Range<Int> {
        let cycles = layout.groupDepth.map { 2 * Int(min($0, 64)) * layout.groupCount } ?? 0
        return 0..<min(64, max(2, layout.groupWidth, cycles))
    }

    /// The parts of the caption describing the layout's shape, where a narrow one breaks.
    private var captionClauses: [String] {
        var clauses = ["\(layout.raid.rawValue): \(layout.devices) devices",
                       "stripe unit \(SizeFormat.string(layout.stripeUnit)) (\(layout.pagesInUnit) page\(layout.pagesInUnit == 1 ? "" : "s"))",
                       "\(layout.dataDevices) data\(layout.parity > 0 ? " + \(layout.parity) parity" : "") units per stripe"]
        if layout.mirrors > 1 { clauses.append("\(layout.mirrors) mirrors") }
        if let depth = layout.groupDepth { clauses += ["\(layout.groupCount) groups of \(layout.groupWidth)", "\(depth) stripes deep"] }
        return clauses
    }

    /// The caption in lines of at most `width` characters, broken after a comma when it can.
    func caption(width: Int) -> [String] {
        var lines: [String] = []
        for (n, clause) in captionClauses.enumerated() {
            let text = clause + (n == captionClauses.count - 1 ? "" : ",")
            if let last = lines.last, last.count + 1 + text.count <= width {
                lines[lines.count - 1] += " " + text
            } else {
                lines += text.wrapped(to: width)
            }
        }
        return lines
    }

    /// What a cell says: `D1 4-7` for data units, `P` or `Q` for parity, empty when the
    /// device is in another group. Every mirror copy says the same.
    public func cell(stripe: Int, dev: Int, detail: Detail = .pageRange) -> String {
        let firstPage = stripe * layout.pagesInStripe
        let component = dev / layout.mirrors * layout.mirrors
        for column in 0..<layout.dataDevices {
            let page = firstPage + column * layout.pagesInUnit
            guard layout.location(ofPage: page).dev == component else { continue }
            switch detail {
            case .column, .narrow: return "D\(column)"
            case .firstPage: return "D\(column) \(page)"
            case .pageRange:
                return layout.pagesInUnit == 1 ? "D\(column) \(page)" : "D\(column) \(page)-\(page + layout.pagesInUnit - 1)"
            }
        }
        guard layout.parity > 0,
              let unit = layout.paritySlots(stripe: UInt64(stripe), row: 0).firstIndex(where: { $0.devs.contains(dev) }) else { return "" }
        return ParityScheme.name(ofUnit: unit)
    }

    /// The table as rows of text columns; the first row is the header.
    public func rows(detail: Detail = .pageRange) -> [[String]] {
        let grouped = layout.groupDepth != nil
        var header = ["stripe"]
        if grouped { header += ["group", "cycle"] }
        header += (0..<layout.devices).map { detail == .narrow ? "d\($0)" : "dev\($0)" }
        var rows = [header]
        for stripe in stripes {
            let si = layout.stripeInfo(at: UInt64(stripe) * layout.stripeBytes)
            var row = ["s\(stripe)"]
            if grouped { row += ["\(si.group)", "\(si.cycle)"] }
            row += (0..<layout.devices).map { cell(stripe: stripe, dev: $0, detail: detail) }
            rows.append(row)
        }
        return rows
    }

    /// The caption (wrapped to `width`) and the table at the most detailed level whose
    /// lines fit in `width` columns; the least detailed one when none does.
    public func lines(width: Int = .max) -> [String] {
        let grid = Grid(table: self, width: width)
        return grid.caption + grid.rows.indices.map(grid.line)
    }

    /// Draws the table into `rect`, parity cells (P, Q) highlighted.
    public func draw(into screen: inout Screen, rect: Rect, theme: Theme) {
        let grid = Grid(table: self, width: rect.width)
        var y = rect.y
        for line in grid.caption {
            screen.put(line, x: rect.x, y: y, style: .bold, clip: rect)
            y += 1
        }
        for (r, row) in grid.rows.enumerated() where y < rect.maxY {
            screen.put(grid.line(r), x: rect.x, y: y, style: r == 0 ? theme.label : .plain, clip: rect)
            for (c, text) in row.enumerated() where text == "P" || text == "Q" {
                screen.put(text, x: rect.x + grid.x(ofColumn: c), y: y, style: theme.parity, clip: rect)
            }
            y += 1
        }
    }

    /// The table laid out for one width: the rows at the chosen detail, column widths.
    private struct Grid {
        let caption: [String]
        let rows: [[String]]
        let widths: [Int]
        /// Spaces between columns.
        let gap: Int

        init(table: LayoutTable, width: Int) {
            caption = table.caption(width: width)
            var rows = table.rows(detail: .pageRange)
            var widths = Self.widths(rows)
            var gap = 2
            for detail in Detail.allCases.dropFirst() where Self.lineWidth(widths, gap: gap) > width {
                rows = table.rows(detail: detail)
                widths = Self.widths(rows)
                gap = detail == .narrow ? 1 : 2
            }
            self.rows = rows
            self.widths = widths
            self.gap = gap
        }

        private static func widths(_ rows: [[String]]) -> [Int] {
            rows[0].indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        }

        private static func lineWidth(_ widths: [Int], gap: Int) -> Int { widths.reduce(0, +) + gap * (widths.count - 1) }

        /// Column `c`'s first character, from the left edge.
        func x(ofColumn c: Int) -> Int { widths.prefix(c).reduce(0, +) + gap * c }

        /// Row `r` as aligned text, trailing spaces trimmed.
        func line(_ r: Int) -> String {
            var line = ""
            for (c, text) in rows[r].enumerated() {
                line += text + String(repeating: " ", count: widths[c] - text.count + (c == widths.count - 1 ? 0 : gap))
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
