import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// At every event of every bundled scenario, the sp2d, the page-cache markers and the
/// stripe map tell the same story as the state at that event.
struct PanelAgreementTests {
    @Test(arguments: BundledScenarios.all.map(\.name))
    func panelsAgreeAtEveryEvent(name: String) throws {
        let text = try #require(BundledScenarios.text(named: name))
        let t = Engine.run(try ScenarioParser.parse(text, name: "\(name).scn"))
        var model = DebuggerModel(timeline: t, width: 120, height: 40, at: 0)
        let theme = Theme(ascii: false, monochrome: true)
        var checked = 0
        for seq in 0..<t.count {
            model.move(to: seq)
            let s = model.state
            guard let layout = s.layout else { continue }
            let stripes = max(Int(s.stripeSpan), (model.oreWritePages?.upperBound ?? 0) / layout.pagesInStripe + 1)
            let visible: Range<UInt64> = 0..<UInt64((stripes + 1) * layout.pagesInUnit)
            let map = StripeMapPanel.Activity(model: model, layout: layout, stripes: 0..<stripes, visible: visible)
            func mark(ofPage page: Int) -> StripeMapPanel.Activity.Mark? {
                let location = layout.location(ofPage: page)
                return map.mark(dev: location.dev, objPage: location.objPage)
            }
            let at = "\(name) event \(seq): \(t.summary(of: seq))"

            // sp2d holds the page get_page just returned, as the cell its source says.
            if case .r4wGetPage(let get) = t.payload(of: seq) {
                let sp2d = try #require(s.sp2d, "\(at): no sp2d")
                let (row, column) = (get.index % layout.pagesInStripe % layout.pagesInUnit, get.index % layout.pagesInStripe / layout.pagesInUnit)
                let expected: Sp2dCell = switch get.source {
                case .cache, .created: .got
                case .zero: .zero
                case .locked: .locked
                }
                #expect(sp2d[row, column] == expected, "\(at): sp2d r\(row) c\(column) is \(sp2d[row, column])")
                let label = Sp2dPanel.cell(sp2d[row, column], page: get.index, got: model.gotPages[get.index], theme).0
                let letter: Character = switch get.source {
                case .cache, .created: get.uptodate ? "C" : "R"
                case .zero: "Z"
                case .locked: "L"
                }
                #expect(label.first == letter, "\(at): sp2d shows \(label)")
                // A page that must be read is planned, issued or done on the map.
                if !get.uptodate, expected == .got { #expect(mark(ofPage: get.index) != nil, "\(at): no map mark for the read") }
            }

            if let sp2d = s.sp2d {
                let firstPage = Int(sp2d.stripe) * layout.pagesInStripe
                for row in 0..<sp2d.rows {
                    for column in 0..<sp2d.dataColumns {
                        let page = firstPage + column * layout.pagesInUnit + row
                        switch sp2d[row, column] {
                        case .got:
                            // Got by r4w: the cache holds it with a reference, and its cell says so.
                            #expect(s.pages[page].present && s.pages[page].refs > 0, "\(at): sp2d holds page \(page) without a reference")
                            #expect(PageGridPanel.markers(s.pages[page], inPcol: false, theme).contains("*"), "\(at): page \(page) lacks *")
                        case .written:
                            // Written by this ore_write: the map plans, issues or has done it.
                            #expect(model.oreWritePages?.contains(page) == true, "\(at): page \(page) written outside the ore_write")
                            #expect(mark(ofPage: page) != nil, "\(at): written page \(page) not on the map")
                        default: break
                        }
                    }
                }
            }

            // A page the cache shows as got by r4w is in the sp2d being prepared.
            for index in 0..<s.pageSpan where s.pages[index].marks.contains(.r4wGot) {
                let sp2d = try #require(s.sp2d, "\(at): page \(index) got by r4w with no sp2d")
                let inStripe = index - Int(sp2d.stripe) * layout.pagesInStripe
                #expect(inStripe >= 0 && inStripe < layout.pagesInStripe, "\(at): page \(index) got outside the sp2d's stripe")
            }

            // Uppercase on the map exactly where a request is in flight, for its operation.
            // A misplaced unit (invariant 7) shows as misplaced instead.
            var inFlight: [Int: [UInt64: StripeMapPanel.Activity.Mark]] = [:]
            for id in s.inflight {
                let request = t.request(id)
                for entry in t.entries(of: request) {
                    let op: StripeMapPanel.Activity.Op = entry.isParity ? .parity : request.isRead ? .read : .write
                    inFlight[request.dev, default: [:]][entry.objPage] = entry.misplaced ? .misplaced : .issued(op)
                }
            }
            for dev in 0..<layout.devices {
                for objPage in visible {
                    let expected = inFlight[dev]?[objPage]
                    let shown = map.mark(dev: dev, objPage: objPage)
                    if let expected { #expect(shown == expected, "\(at): dev \(dev) object page \(objPage) in flight (\(expected)) shows \(String(describing: shown))") }
                    if case .issued = shown { #expect(expected != nil, "\(at): dev \(dev) object page \(objPage) issued but nothing in flight") }
                }
            }
            checked += 1
        }
        #expect(checked > 0)
    }
}
