import StripeCore

/// The stripe map of a layout as text: devices as columns, stripes as rows, each unit
/// labelled with its data column (D0, D1, ...) and file pages, or P for parity.
/// Shared by `stripescope layout --format table` and the layout explorer.
public struct LayoutTable {
    public let layout: OreLayout
    /// File-order stripes to show.
    public let stripes: Range<Int>

    public init(layout: OreLayout, stripes: Range<Int>) {
        self.layout = layout
        self.stripes = stripes
    }

    /// The first stripes: a whole parity rotation of every group, at most 64 rows.
    public static func defaultStripes(_ layout: OreLayout) -> Range<Int> {
        let perGroup = Int(layout.groupDepth ?? UInt64(layout.groupWidth))
        return 0..<min(64, max(2, layout.groupWidth, perGroup * layout.groupCount))
    }

    /// One line describing the layout's shape.
    public var caption: String {
        var s = "\(layout.raid.rawValue): \(layout.devices) devices, stripe unit \(SizeFormat.string(layout.stripeUnit)) (\(layout.pagesInUnit) page\(layout.pagesInUnit == 1 ? "" : "s")), \(layout.dataDevices) data"
        if layout.parity > 0 { s += " + \(layout.parity) parity" }
        s += " units per stripe"
        if layout.mirrors > 1 { s += ", \(layout.mirrors) mirrors" }
        if let depth = layout.groupDepth { s += ", \(layout.groupCount) groups of \(layout.groupWidth), \(depth) stripes deep" }
        return s
    }

    /// What a cell says: `D1 4-7` for data units, `P` for parity, empty when the device
    /// is in another group.
    public func cell(stripe: Int, dev: Int) -> String {
        let firstPage = stripe * layout.pagesInStripe
        let component = dev / layout.mirrors * layout.mirrors
        for column in 0..<layout.dataDevices {
            let page = firstPage + column * layout.pagesInUnit
            if layout.location(ofPage: page).dev == component {
                let last = page + layout.pagesInUnit - 1
                return layout.pagesInUnit == 1 ? "D\(column) \(page)" : "D\(column) \(page)-\(last)"
            }
        }
        if layout.parity > 0, layout.paritySlot(stripe: UInt64(stripe), row: 0).devs.contains(dev) { return "P" }
        return ""
    }

    /// The table as rows of text columns; the first row is the header.
    public var rows: [[String]] {
        let grouped = layout.groupDepth != nil
        var header = ["stripe"]
        if grouped { header += ["group", "cycle"] }
        header += (0..<layout.devices).map { "dev\($0)" }
        var rows = [header]
        for stripe in stripes {
            let si = layout.stripeInfo(at: UInt64(stripe) * layout.stripeBytes)
            var row = ["s\(stripe)"]
            if grouped { row += ["\(si.group)", "\(si.cycle)"] }
            row += (0..<layout.devices).map { cell(stripe: stripe, dev: $0) }
            rows.append(row)
        }
        return rows
    }

    /// The table as aligned lines of text.
    public var lines: [String] {
        let rows = self.rows
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return [caption] + rows.map { row in
            var line = ""
            for (c, text) in row.enumerated() {
                line += text.padding(to: widths[c]) + (c == row.count - 1 ? "" : "  ")
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Draws the table into `rect`, parity cells highlighted.
    public func draw(into screen: inout Screen, rect: Rect, theme: Theme) {
        for (n, line) in lines.prefix(rect.height).enumerated() {
            screen.put(line, x: rect.x, y: rect.y + n, style: n == 0 ? .bold : n == 1 ? theme.label : .plain, clip: rect)
        }
        // Colour each P cell: find it by column position in the laid-out line.
        let rows = self.rows
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        for (r, row) in rows.enumerated().dropFirst() where r + 1 < rect.height {
            var x = rect.x
            for (c, text) in row.enumerated() {
                if text == "P" { screen.put("P", x: x, y: rect.y + r + 1, style: theme.parity, clip: rect) }
                x += widths[c] + 2
            }
        }
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
