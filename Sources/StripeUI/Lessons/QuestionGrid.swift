import StripeCore

/// What the student marks an answer on: the devices × object pages of the file's
/// stripes (each cell labelled with the file page it holds, or P / Q), or the file's
/// pages a stripe to a row. Built from the layout, so it is the stripe map's geometry.
struct QuestionGrid: Sendable, Equatable {
    /// Device columns.
    let devices: Int
    /// Object pages shown, one a row.
    let objPages: Int
    /// File pages shown in the page form, `rowPages` a row.
    let filePages: Int
    let rowPages: Int
    /// What each device page holds: a file page index, or -1 for P and -2 for Q.
    let labels: [DevicePage: Int]

    init(state: SimState) {
        let layout = state.layout
        let pages = max(1, Int((state.iSize + pageSize - 1) / pageSize), state.pageSpan)
        let stripePages = layout?.pagesInStripe ?? 1
        // Whole stripes, and one more: a write may run past the end of the file.
        filePages = min(4096 / stripePages * stripePages, (pages + stripePages - 1) / stripePages * stripePages + stripePages)
        rowPages = stripePages
        devices = layout?.devices ?? 1
        var labels: [DevicePage: Int] = [:]
        var rows: UInt64 = 1
        if let layout {
            for page in 0..<filePages {
                let location = layout.location(ofPage: page)
                for dev in layout.devicesHolding(page: page) { labels[DevicePage(dev: dev, objPage: location.objPage)] = page }
                rows = max(rows, location.objPage + 1)
            }
            if layout.parity > 0 {
                for stripe in 0..<UInt64(filePages / stripePages) {
                    for row in 0..<layout.pagesInUnit {
                        for (unit, slot) in layout.paritySlots(stripe: stripe, row: row).enumerated() {
                            for dev in slot.devs { labels[DevicePage(dev: dev, objPage: slot.objPage)] = -1 - unit }
                        }
                    }
                }
            }
        }
        objPages = Int(rows)
        self.labels = labels
    }

    /// A cell's label, 3 characters: the file page, "P", "Q" or blank.
    func label(_ cell: DevicePage) -> String {
        guard let value = labels[cell] else { return "   " }
        let text = value == -1 ? "P" : value == -2 ? "Q" : String(value)
        return String(repeating: " ", count: max(0, 3 - text.count)) + text
    }
}
