import StripeCore

/// Devices as columns, stripes as rows. Each unit shows its data column (D0, D1..)
/// or P (and Q with RAID6), and one glyph per page row: what the current I/O does to that row.
struct StripeMapPanel {
    let model: DebuggerModel
    let rect: Rect
    /// Object pages to mark (the split screen: I/O that only one world did).
    var highlighted: Set<UnitPage> = []

    /// What the current I/O does to the visible object pages: a mark per device and
    /// object page, in one flat array (a large I/O marks thousands of pages a frame).
    struct Activity {
        /// What an I/O does to one object page, and how far it has got.
        enum Mark: Equatable {
            /// Planned by `ore_write` (lowercase), issued to the device (uppercase), completed.
            case planned(Op), issued(Op), done
            /// Written or read at an object offset its mapping does not give (invariant 7).
            case misplaced
        }

        enum Op: Equatable {
            case write, read, parity

            var letter: Character {
                switch self {
                case .write: "W"
                case .read: "R"
                case .parity: "P"
                }
            }
        }

        private var marks: [Mark?]
        /// Only these object pages are on screen; the rest of a large I/O is skipped.
        let visible: Range<UInt64>
        private let devices: Int
        private let timeline: Timeline

        /// The mark of `dev`'s object page `objPage`, if the I/O does something there.
        func mark(dev: Int, objPage: UInt64) -> Mark? {
            visible.contains(objPage) && dev < devices ? marks[dev * visible.count + Int(objPage - visible.lowerBound)] : nil
        }

        /// Inside an I/O (from its `write_exec` or `read_exec` call): from the
        /// `ore_write` call on, the data and parity pages it will write and the pages
        /// r4w `get_page` found not uptodate are planned; a request's pages are issued
        /// from its submission and done from its completion. Outside: requests still in
        /// flight, and those the completions just before the cursor finished (until
        /// `writepages_done` / `readpages_done` returns).
        init(model: DebuggerModel, layout: OreLayout, stripes: Range<Int>, visible: Range<UInt64>) {
            self.visible = visible
            devices = layout.devices
            timeline = model.timeline
            marks = Array(repeating: nil, count: layout.devices * visible.count)
            let t = model.timeline
            let s = model.state
            let geometry = s.geometry ?? layout
            // What is in flight is issued whatever else was planned or done there (the
            // requests submitted on screen, from the timeline's index, not every one in flight).
            defer {
                for seq in t.submissions(touching: visible, in: 0...model.cursor) {
                    switch t.payload(of: seq) {
                    case .devRead(let submitted), .devWrite(let submitted):
                        if s.inflight.contains(submitted.id) { add(submitted.request) { .issued($0) } }
                    default: break
                    }
                }
            }
            guard let call = s.stack.last(where: { t.function(of: $0) == .write_exec || t.function(of: $0) == .read_exec }) else {
                markCompletedBefore(model)
                return
            }
            if let pages = model.viewState.oreWritePages {
                let onScreen = (stripes.lowerBound * layout.pagesInStripe)..<(stripes.upperBound * layout.pagesInStripe)
                let written = pages.clamped(to: onScreen)
                var page = written.lowerBound
                while page < written.upperBound {
                    // The rest of this page's unit lies on consecutive object pages of one device.
                    let run = min(written.upperBound - page, layout.pagesInUnit - page % layout.pagesInUnit)
                    let location = geometry.location(ofPage: page)
                    for k in 0..<UInt64(run) { set(location.dev..<(location.dev + layout.mirrors), location.objPage + k, .planned(.write)) }
                    page += run
                }
                for stripe in stripes where layout.parity > 0 {
                    guard let rows = Self.parityRows(of: pages, stripe: stripe, layout: layout) else { continue }
                    for row in rows {
                        for slot in geometry.paritySlots(stripe: UInt64(stripe), row: row) { set(slot.devs, slot.objPage, .planned(.parity)) }
                    }
                }
            }
            // Only these kinds mark the map, in event order: the timeline's index finds
            // those on screen since the call.
            let pages = (stripes.lowerBound * layout.pagesInStripe)..<(stripes.upperBound * layout.pagesInStripe)
            let marking = (t.getPages(of: pages, in: call...model.cursor) + t.submissions(touching: visible, in: call...model.cursor)).sorted()
            for seq in marking {
                switch t.payload(of: seq) {
                case .r4wGetPage(let get) where !get.uptodate && (get.source == .cache || get.source == .created):
                    let location = geometry.location(ofPage: get.index)
                    set(location.dev..<(location.dev + 1), location.objPage, .planned(.read))
                case .devRead(let submitted), .devWrite(let submitted):
                    add(submitted.request) { s.inflight.contains(submitted.id) ? .issued($0) : .done }
                default: break
                }
            }
        }

        /// The rows `_gen_xor_unit` recomputes in `stripe` for an `ore_write` of `pages`:
        /// `_sp2d_min_pg` ... `_sp2d_max_pg` of the pages written there.
        static func parityRows(of pages: Range<Int>, stripe: Int, layout: OreLayout) -> ClosedRange<Int>? {
            let first = max(pages.lowerBound, stripe * layout.pagesInStripe)
            let last = min(pages.upperBound, (stripe + 1) * layout.pagesInStripe) - 1
            guard first <= last else { return nil }
            let unit = layout.pagesInUnit
            if last - first + 1 >= unit || first % unit > last % unit { return 0...(unit - 1) }
            return (first % unit)...(last % unit)
        }

        /// Outside an I/O: the requests completed since the latest I/O began, until its
        /// completion handler returned (looks back a bounded number of events).
        private mutating func markCompletedBefore(_ model: DebuggerModel) {
            let t = model.timeline
            var seq = model.cursor
            let stop = max(0, model.cursor - 4096)
            while seq >= stop {
                let fn = t.function(of: seq)
                if let fn, t.event(seq).kind == .call, fn == .write_exec || fn == .read_exec { return }
                if let fn, t.event(seq).kind == .return, fn == .writepages_done || fn == .readpages_done { return }
                if t.event(seq).kind == .ioDone, case .ioDone(let done) = t.payload(of: seq), !done.error { add(done.request) { _ in .done } }
                seq -= 1
            }
        }

        private mutating func set(_ devs: Range<Int>, _ objPage: UInt64, _ mark: Mark) {
            guard visible.contains(objPage) else { return }
            for dev in devs where dev < devices { marks[dev * visible.count + Int(objPage - visible.lowerBound)] = mark }
        }

        private mutating func add(_ request: IORequest, _ stage: (Op) -> Mark) {
            for entry in timeline.entries(of: request) {
                let mark = entry.misplaced ? .misplaced : stage(entry.isParity ? .parity : request.isRead ? .read : .write)
                set(request.dev..<(request.dev + 1), entry.objPage, mark)
            }
        }
    }

    /// How the map fits its box: columns per device, glyphs per unit, which devices.
    struct Columns {
        /// Row label: the stripe (`s3`), then the first page index it holds.
        var labelWidth: Int
        /// Where a unit's glyphs start after its label (`D0`, `D10`, `P`).
        var glyphOffset: Int
        var glyphs: Int
        var columnWidth: Int
        /// Whether each data unit shows the page range it holds after its glyphs.
        var ranges: Bool
        /// The devices shown, when not all fit: scrolled sideways.
        var devices: Range<Int>
    }

    /// Columns for `layout` in `width` cells: every device when each can have a label,
    /// one glyph and its header (`dev15`); else as many as fit, chosen so that the
    /// focused stripe's parity column and the devices the event touches are shown.
    static func columns(layout: OreLayout, width: Int, stripes: Int, focus: ViewFocus?) -> Columns {
        let labelWidth = "s\(stripes - 1) ".count + "\(stripes * layout.pagesInStripe - 1) ".count
        let glyphOffset = max(1, "D\(max(0, layout.dataDevices - 1))".count) + 1
        let header = "dev\(layout.devices - 1) ".count
        // One column after the last device holds the write-hole `!`.
        let room = max(1, width - labelWidth - 1)
        let glyphs = max(1, min(layout.pagesInUnit, room / layout.devices - glyphOffset - 1))
        let lastPage = stripes * layout.pagesInStripe - 1
        let rangeWidth = " \(lastPage)-\(lastPage)".count
        let ranges = glyphs == layout.pagesInUnit && room / layout.devices >= glyphOffset + glyphs + rangeWidth + 1
        let columnWidth = max(header, glyphOffset + glyphs + 1 + (ranges ? rangeWidth : 0))
        let fit = max(1, min(layout.devices, room / columnWidth))
        guard fit < layout.devices else { return Columns(labelWidth: labelWidth, glyphOffset: glyphOffset, glyphs: glyphs, columnWidth: columnWidth, ranges: ranges, devices: 0..<layout.devices) }
        // Must stay in view: the focused stripe's parity devices first, then the event's devices.
        let stripe = focus?.stripes.lowerBound ?? 0
        let parity = layout.parity > 0 ? layout.paritySlots(stripe: UInt64(stripe), row: 0).flatMap { Array($0.devs) } : []
        var wanted = parity.isEmpty ? [0] : parity.max()! - parity.min()! < fit ? parity : [parity[0]]
        for dev in focus?.devices ?? [] where max(wanted.max()!, dev) - min(wanted.min()!, dev) < fit { wanted.append(dev) }
        let low = wanted.min()!, high = wanted.max()!
        let first = min(low, max(high - fit + 1, (low + high + 1) / 2 - fit / 2))
        let clamped = max(0, min(first, layout.devices - fit))
        return Columns(labelWidth: labelWidth, glyphOffset: glyphOffset, glyphs: glyphs, columnWidth: columnWidth, ranges: ranges,
                       devices: clamped..<(clamped + fit))
    }

    func draw(into screen: inout Screen) {
        let theme = model.theme
        let view = model.viewState!
        let inner = rect.inset(1)
        guard let layout = model.state.layout else {
            screen.box(rect, title: "stripe map (devices →)", glyphs: theme.box, style: model.focus == .stripes ? Style(.default, [.bold]) : .plain)
            return
        }
        let (stripes, c, first) = placement(layout)
        let devices = c.devices
        let title = devices.count == layout.devices ? "stripe map (devices →)"
            : "stripe map (dev\(devices.lowerBound)..dev\(devices.upperBound - 1) of \(layout.devices) →)"
        screen.box(rect, title: title, glyphs: theme.box, style: model.focus == .stripes ? Style(.default, [.bold]) : .plain)
        if c.glyphs < layout.pagesInUnit {
            // Fewer glyphs than rows in a unit: each glyph stands for some rows; say so.
            let note = " \(c.glyphs) of \(layout.pagesInUnit) unit rows "
            screen.put(note, x: rect.x + 2, y: rect.maxY - 1, style: theme.label,
                       clip: Rect(x: rect.x + 1, y: rect.maxY - 1, width: max(0, rect.width - 2), height: 1))
        }
        // Header: device numbers.
        for (n, dev) in devices.enumerated() {
            screen.put("dev\(dev)", x: inner.x + c.labelWidth + n * c.columnWidth, y: inner.y, style: theme.label, clip: inner)
        }
        let rows = max(1, inner.height - 1)
        let focusStripe = view.focus?.stripes.lowerBound ?? 0
        let shown = first..<min(stripes, first + rows)
        screen.clipNote(rect, shown: shown, of: stripes, prefix: "s", style: theme.label)
        let activity = Activity(model: model, layout: layout, stripes: shown, visible: objectPages(of: shown, layout: layout))
        // The write path's mapping, once a frame (md's RAID6 rotation is not the ORE's).
        let geometry = model.state.geometry ?? layout
        for row in 0..<min(rows, stripes - first) {
            let stripe = first + row
            let y = inner.y + 1 + row
            let current = model.state.sp2d.map { Int($0.stripe) == stripe } ?? false
            screen.put("s\(stripe)", x: inner.x, y: y, style: current ? Style(.default, [.bold, .reverse]) : theme.label, clip: inner)
            let firstPage = stripe * layout.pagesInStripe
            screen.put("\(firstPage)", x: inner.x + c.labelWidth - 1 - "\(firstPage)".count, y: y, style: theme.label, clip: inner)
            for (n, dev) in devices.enumerated() {
                let x = inner.x + c.labelWidth + n * c.columnWidth
                let (label, objBase) = unit(layout: layout, geometry, stripe: stripe, dev: dev, firstPage: firstPage)
                guard !label.isEmpty else { continue }  // the device is in another group
                screen.put(label, x: x, y: y, style: label == "P" || label == "Q" ? theme.parity : .plain, clip: inner)
                for g in 0..<c.glyphs {
                    let rowInUnit = g * layout.pagesInUnit / c.glyphs
                    let objPage = objBase + UInt64(rowInUnit)
                    let place = UnitPage(dev: dev, objPage: objPage)
                    // A misplaced unit stays marked until a write at the right place repairs it.
                    var (glyph, style) = Self.glyph(activity.mark(dev: dev, objPage: objPage) ?? (view.misplaced[place] != nil ? .misplaced : nil), theme)
                    if highlighted.contains(place) {
                        if theme.monochrome { style.attributes.insert(.reverse) } else { style.background = .blue }
                    }
                    screen.put(String(glyph), x: x + c.glyphOffset + g, y: y, style: style, clip: inner)
                }
                if c.ranges, let column = Int(label.dropFirst()), label.first == "D" {
                    let low = firstPage + column * layout.pagesInUnit
                    screen.put(layout.pagesInUnit == 1 ? "\(low)" : "\(low)-\(low + layout.pagesInUnit - 1)", x: x + c.glyphOffset + c.glyphs + 1, y: y, style: theme.label, clip: inner)
                }
            }
            if !model.state.isParityConsistent(stripe: UInt64(stripe)) {
                screen.put("!", x: inner.x + c.labelWidth + devices.count * c.columnWidth, y: y, style: theme.error, clip: inner)
            }
        }
        // Room is left for the clip note on the same border when it is there.
        let room = rect.width - 2 - (shown.count < stripes ? 16 : 0)
        if layout.parity == 2 {
            drawSyndrome(into: &screen, layout: layout, stripe: focusStripe, room: room)
        } else if !c.ranges, c.glyphs == layout.pagesInUnit {
            // Too narrow for a range in every unit: the focused stripe's, on the border.
            let units = (0..<layout.dataDevices).map { column in
                let low = focusStripe * layout.pagesInStripe + column * layout.pagesInUnit
                return "D\(column) " + (layout.pagesInUnit == 1 ? "\(low)" : "\(low)-\(low + layout.pagesInUnit - 1)")
            }
            let text = " s\(focusStripe): \(units.joined(separator: " ")) "
            if text.count <= room - 1 { screen.put(text, x: rect.x + 1, y: rect.maxY - 1, style: theme.label, clip: rect) }
        }
    }

    /// The object pages the map shows, on any device: what the split screen looks for
    /// differences in (nil before a layout exists).
    var visibleObjectPages: Range<UInt64>? {
        guard let layout = model.state.layout else { return nil }
        let (stripes, _, first) = placement(layout)
        return objectPages(of: first..<min(stripes, first + max(1, rect.inset(1).height - 1)), layout: layout)
    }

    /// The object pages of stripes `shown`: every unit of a stripe starts at the same
    /// object page on the devices of its group (dev 0 may be in another group, with
    /// nothing of the stripe).
    private func objectPages(of shown: Range<Int>, layout: OreLayout) -> Range<UInt64> {
        let geometry = model.state.geometry ?? layout
        let bases = shown.map { geometry.paritySlots(stripe: UInt64($0), row: 0)[0].objPage }
        return (bases.min() ?? 0)..<((bases.max() ?? 0) + UInt64(layout.pagesInUnit))
    }

    /// Where things are: the stripes, the columns and the first stripe shown; one
    /// computation for drawing and for a click.
    private func placement(_ layout: OreLayout) -> (stripes: Int, columns: Columns, first: Int) {
        let inner = rect.inset(1)
        let stripes = Int(max(1, model.state.stripeSpan))
        let c = Self.columns(layout: layout, width: inner.width, stripes: stripes, focus: model.pinned ?? model.viewState.focus)
        return (stripes, c, model.firstStripe(of: .stripes, visible: max(1, inner.height - 1), total: stripes))
    }

    /// The first page of the data unit at (x, y), nil off a data unit (parity holds no page).
    func page(atX x: Int, y: Int) -> Int? {
        guard let layout = model.state.layout else { return nil }
        let inner = rect.inset(1)
        let (stripes, c, first) = placement(layout)
        let stripe = first + y - inner.y - 1
        let column = (x - inner.x - c.labelWidth) / c.columnWidth
        guard y > inner.y, stripe < stripes, x >= inner.x + c.labelWidth, column < c.devices.count else { return nil }
        let firstPage = stripe * layout.pagesInStripe
        let (label, _) = unit(layout: layout, model.state.geometry ?? layout, stripe: stripe, dev: c.devices.lowerBound + column, firstPage: firstPage)
        guard label.hasPrefix("D"), let data = Int(label.dropFirst()) else { return nil }
        return firstPage + data * layout.pagesInUnit
    }

    /// RAID6: the focused stripe's P and Q as they are on disk, on the bottom border, for
    /// the first row the current I/O writes there (row 0 otherwise); only when it fits `room`.
    private func drawSyndrome(into screen: inout Screen, layout: OreLayout, stripe: Int, room: Int) {
        let row = model.state.sp2d.flatMap { Int($0.stripe) == stripe ? $0.writtenRows?.lowerBound : nil } ?? 0
        let slots = (model.state.geometry ?? layout).paritySlots(stripe: UInt64(stripe), row: row)
        let values = slots.enumerated().map { unit, slot in
            "\(ParityScheme.name(ofUnit: unit)) \(Token.hex(model.state.devices[slot.devs.lowerBound].token(at: Int(slot.objPage))))"
        }
        let text = " s\(stripe) r\(row): \(values.joined(separator: "  ")) "
        guard text.count <= room else { return }
        screen.put(text, x: rect.x + 1, y: rect.maxY - 1, style: model.theme.parity, clip: rect)
    }

    /// A mark as the map draws it: `w r p` planned, `W R P` issued, `✓` (ASCII `=`) done,
    /// `X` misplaced, `·` idle.
    static func glyph(_ mark: Activity.Mark?, _ theme: Theme) -> (Character, Style) {
        switch mark {
        case nil: ("·", theme.label)
        case .misplaced: ("X", theme.error)
        case .done: (theme.doneGlyph, theme.done)
        case .planned(let op): (op.letter.lowercased().first!, theme.planned)
        case .issued(let op): (op.letter, op == .write ? theme.written : op == .read ? theme.read : theme.parity)
        }
    }

    /// The label of `dev`'s unit in `stripe` and the unit's first object page.
    private func unit(layout: OreLayout, _ geometry: any StripeGeometry, stripe: Int, dev: Int, firstPage: Int) -> (String, UInt64) {
        let first = dev / layout.mirrors * layout.mirrors
        for column in 0..<layout.dataDevices {
            let location = geometry.location(ofPage: firstPage + column * layout.pagesInUnit)
            if location.dev == first { return ("D\(column)", location.objPage) }
        }
        // RAID0 has no parity slot (paritySlots stands in dev 0 for one): a device of another group is blank.
        let slots = geometry.paritySlots(stripe: UInt64(stripe), row: 0)
        guard layout.parity > 0, let unit = slots.firstIndex(where: { $0.devs.contains(dev) }) else { return ("", 0) }
        return (ParityScheme.name(ofUnit: unit), slots[unit].objPage)
    }
}
