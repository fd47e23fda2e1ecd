/// A screen as an SVG picture in a monospace grid, for slides: backgrounds as
/// rectangles, one `<text>` per run of same-styled cells, one `<g class="row">` per
/// screen row.
public enum SVGFrame {
    static let cellWidth = 8.4
    static let cellHeight = 17.0
    static let fontSize = 14.0

    /// Colours on a dark background, readable on a projector.
    static let background = "#1d1f21"
    static let foreground = "#d8d8d8"
    static func hex(_ color: Color, isForeground: Bool) -> String {
        switch color {
        case .default: isForeground ? foreground : background
        case .black: "#1d1f21"
        case .red: "#e0584f"
        case .green: "#8cc265"
        case .yellow: "#e5c07b"
        case .blue: "#3f7fd6"
        case .magenta: "#c678dd"
        case .cyan: "#56b6c2"
        case .white: "#f0f0f0"
        }
    }

    /// The colours a style paints with, reverse video applied.
    static func colours(_ style: Style) -> (fg: String, bg: String?) {
        var fg = hex(style.foreground, isForeground: true)
        var bg: String? = style.background == .default ? nil : hex(style.background, isForeground: false)
        if style.attributes.contains(.reverse) {
            (fg, bg) = (bg ?? background, fg)
        }
        return (fg, bg)
    }

    /// Runs of cells on row `y` that share a style: (first column, text, style).
    static func runs(_ screen: Screen, row y: Int) -> [(x: Int, text: String, style: Style)] {
        var runs: [(x: Int, text: String, style: Style)] = []
        for x in 0..<screen.width {
            let cell = screen[x, y]
            guard cell.character != Cell.wideTail else { continue }
            if let last = runs.last, last.style == cell.style {
                runs[runs.count - 1].text.append(cell.character)
            } else {
                runs.append((x, String(cell.character), cell.style))
            }
        }
        return runs
    }

    /// The `<svg>` element (without an XML declaration, so HTML can inline it).
    public static func element(_ screen: Screen, title: String) -> String {
        let width = Double(screen.width) * cellWidth
        let height = Double(screen.height) * cellHeight
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(format(width))\" height=\"\(format(height))\" "
        out += "viewBox=\"0 0 \(format(width)) \(format(height))\" font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" "
        out += "font-size=\"\(format(fontSize))\">\n"
        out += "<title>\(escape(title))</title>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"\(background)\"/>\n"
        for y in 0..<screen.height {
            let baseline = Double(y) * cellHeight + cellHeight * 0.78
            out += "<g class=\"row\" data-row=\"\(y)\">"
            for run in runs(screen, row: y) {
                let (fg, bg) = colours(run.style)
                let x = Double(run.x) * cellWidth
                if let bg {
                    out += "<rect x=\"\(format(x))\" y=\"\(format(Double(y) * cellHeight))\" width=\"\(format(Double(run.text.count) * cellWidth))\" height=\"\(format(cellHeight))\" fill=\"\(bg)\"/>"
                }
                guard run.text.contains(where: { $0 != " " }) else { continue }
                var attributes = "x=\"\(format(x))\" y=\"\(format(baseline))\" fill=\"\(fg)\" textLength=\"\(format(Double(run.text.count) * cellWidth))\""
                if run.style.attributes.contains(.bold) { attributes += " font-weight=\"bold\"" }
                if run.style.attributes.contains(.dim) { attributes += " opacity=\"0.6\"" }
                if run.style.attributes.contains(.underline) { attributes += " text-decoration=\"underline\"" }
                out += "<text \(attributes) xml:space=\"preserve\">\(escape(run.text))</text>"
            }
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }

    /// A standalone SVG document.
    public static func document(_ screen: Screen, title: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(screen, title: title)
    }

    /// Text escaped for XML and HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }

    /// One decimal at most: 8.4, 17.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
