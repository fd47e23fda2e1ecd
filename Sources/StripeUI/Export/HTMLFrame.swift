/// A screen as a standalone HTML page: a monospace `<pre>` with one line per screen row
/// and one `<span>` per run of same-styled cells, its background colouring the cells.
public enum HTMLFrame {
    public static func document(_ screen: Screen, title: String) -> String {
        var rows = ""
        for y in 0..<screen.height {
            for run in SVGFrame.runs(screen, row: y) {
                let (fg, bg) = SVGFrame.colours(run.style)
                var css = "color:\(fg)"
                if let bg { css += ";background:\(bg)" }
                if run.style.attributes.contains(.bold) { css += ";font-weight:bold" }
                if run.style.attributes.contains(.dim) { css += ";opacity:0.6" }
                if run.style.attributes.contains(.underline) { css += ";text-decoration:underline" }
                rows += "<span style=\"\(css)\">\(SVGFrame.escape(run.text))</span>"
            }
            rows += "\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(SVGFrame.escape(title))</title>
            <style>
            body { margin: 0; background: \(SVGFrame.background); }
            pre { margin: 0; padding: 8px; font: 14px/17px "DejaVu Sans Mono", Menlo, Consolas, monospace; color: \(SVGFrame.foreground); }
            </style>
            </head>
            <body>
            <pre>\(rows)</pre>
            </body>
            </html>

            """
    }
}
