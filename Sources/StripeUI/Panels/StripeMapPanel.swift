import StripeCore

/// Devices as columns, stripes as rows. Each unit shows its data column (D0, D1..)
/// or P, and one glyph per page row: what the current I/O does to that row.
struct StripeMapPanel {
    let model: DebuggerModel
    let rect: Rect

    /// What the current I/O does to the visible object pages: a glyph per device and
    /// object page, in one flat array (a large I/O marks thousands of pages a frame).
    struct Activity {
        private var glyphs: [Character?]
        /// Only these object pages are on screen; the rest of a large I/O is skipped.
        let visible: Range<UInt64>

        /// The glyph of `dev`'s object page `objPage`, if the I/O does something there.
        func glyph(dev: Int, objPage: UInt64) -> Character? {
            visible.contains(objPage) ? glyphs[dev * visible.count + Int(objPage - visible.lowerBound)] : nil
        }

        /// The I/O the cursor is inside (from its `write_exec` call to the cursor): the
        /// pages `ore_write` will write from the moment it is called, parity rows once
        /// `_gen_xor_unit` recomputed them, and the requests issued so far. Outside an
        /// I/O: the requests still in flight.
        init(model: DebuggerModel, layout: OreLayout, stripes: Range<Int>, visible: Range<UInt64>) {
            self.visible = visible
            glyphs = Array(repeating: nil, count: layout.devices * visible.count)
            let t = model.timeline
            guard let call = model.state.stack.last(where: { t.function(of: $0) == .write_exec }) else {
                for id in model.state.inflight { add(t.request(id), t) }
                return
            }
            if let oreWrite = model.oreWritePages {
                let onScreen = (stripes.lowerBound * layout.pagesInStripe)..<(stripes.upperBound * layout.pagesInStripe)
                let written = oreWrite.clamped(to: onScreen)
                var page = written.lowerBound
                while page < written.upperBound {
                    // The rest of this page's unit lies on consecutive object pages of one device.
                    let run = min(written.upperBound - page, layout.pagesInUnit - page % layout.pagesInUnit)
                    let location = layout.location(ofPage: page)
                    for k in 0..<UInt64(run) { mark(location.dev..<(location.dev + layout.mirrors), location.objPage + k, "W") }
                    page += run
                }
            }
            for seq in call...model.cursor {
                let e = t.event(seq)
                if e.kind == .devRead || e.kind == .devWrite { add(t.request(Int(e.i)), t) }
                if e.kind == .xor, let update = t.parityUpdate(of: seq), stripes.contains(Int(update.stripe)) {
                    for row in update.rows {
                        let slot = layout.paritySlot(stripe: update.stripe, row: row)
                        mark(slot.devs, slot.objPage, "P")
                    }
                }
            }
        }

        private mutating func mark(_ devs: Range<Int>, _ objPage: UInt64, _ glyph: Character) {
            guard visible.contains(objPage) else { return }
            for dev in devs { glyphs[dev * visible.count + Int(objPage - visible.lowerBound)] = glyph }
        }

        private mutating func add(_ request: IORequest, _ t: Timeline) {
            for entry in t.entries(of: request) {
                mark(request.dev..<(request.dev + 1), entry.objPage, entry.isParity ? "P" : request.isRead ? "R" : "W")
            }
        }
    }

    func draw(into screen: inout Screen) {
        let theme = model.theme
        screen.box(rect, title: "stripe map (devices →)", glyphs: theme.box,
                   style: model.focus == .stripes ? Style(.default, [.bold]) : .plain)
        let inner = rect.inset(1)
        guard let layout = model.state.layout else { return }
        let stripes = Int(max(1, model.state.stripeSpan))
        let labelWidth = "s\(stripes - 1) ".count
        let glyphs = max(1, min(layout.pagesInUnit, (inner.width - labelWidth - 2) / layout.devices - 4))
        let columnWidth = glyphs + 4
        // Header: device numbers.
        for dev in 0..<layout.devices {
            screen.put("dev\(dev)", x: inner.x + labelWidth + dev * columnWidth, y: inner.y, style: theme.label, clip: inner)
        }
        let rows = max(1, inner.height - 1)
        let focusStripe = model.state.sp2d.map { Int($0.stripe) }
            ?? model.currentPage.map { $0 / layout.pagesInStripe } ?? 0
        var first = focusStripe - rows / 2 + model.scroll[.stripes, default: 0]
        first = max(0, min(first, stripes - rows))
        let shown = first..<min(stripes, first + rows)
        let bases = shown.map { unit(layout: layout, stripe: $0, dev: 0, firstPage: $0 * layout.pagesInStripe).1 }
            + shown.map { layout.paritySlot(stripe: UInt64($0), row: 0).objPage }
        let activity = Activity(model: model, layout: layout, stripes: shown, visible: (bases.min() ?? 0)..<((bases.max() ?? 0) + UInt64(layout.pagesInUnit)))
        for row in 0..<min(rows, stripes - first) {
            let stripe = first + row
            let y = inner.y + 1 + row
            let current = model.state.sp2d.map { Int($0.stripe) == stripe } ?? false
            screen.put("s\(stripe)", x: inner.x, y: y, style: current ? Style(.default, [.bold, .reverse]) : theme.label, clip: inner)
            let firstPage = stripe * layout.pagesInStripe
            for dev in 0..<layout.devices {
                let x = inner.x + labelWidth + dev * columnWidth
                let (label, objBase) = unit(layout: layout, stripe: stripe, dev: dev, firstPage: firstPage)
                guard !label.isEmpty else { continue }  // the device is in another group
                screen.put(label, x: x, y: y, style: label == "P" ? theme.parity : .plain, clip: inner)
                for g in 0..<glyphs {
                    let rowInUnit = g * layout.pagesInUnit / glyphs
                    let glyph = activity.glyph(dev: dev, objPage: objBase + UInt64(rowInUnit)) ?? "·"
                    let style = glyph == "W" ? theme.written : glyph == "R" ? theme.read : glyph == "P" ? theme.parity : theme.label
                    screen.put(String(glyph), x: x + 3 + g, y: y, style: style, clip: inner)
                }
            }
            if !model.state.isParityConsistent(stripe: UInt64(stripe)) {
                screen.put("!", x: inner.x + labelWidth + layout.devices * columnWidth, y: y, style: theme.error, clip: inner)
            }
        }
    }

    /// The label of `dev`'s unit in `stripe` and the unit's first object page.
    private func unit(layout: OreLayout, stripe: Int, dev: Int, firstPage: Int) -> (String, UInt64) {
        let first = dev / layout.mirrors * layout.mirrors
        for column in 0..<layout.dataDevices {
            let location = layout.location(ofPage: firstPage + column * layout.pagesInUnit)
            if location.dev == first { return ("D\(column)", location.objPage) }
        }
        let slot = layout.paritySlot(stripe: UInt64(stripe), row: 0)
        if slot.devs.contains(dev) { return ("P", slot.objPage) }
        return ("", 0)
    }
}
