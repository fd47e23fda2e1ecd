import Foundation
import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// One fact, one number: the header, Enter's note, the page detail, the counters panel,
/// `trace --format summary`, summary-json and the Chrome trace read the same view state
/// and the same counter definition.
struct ViewStateAgreementTests {
    /// The Chrome trace's "device pages written" counter as of event `seq`.
    static func chromeWritten(_ t: Timeline, at seq: Int) throws -> (issued: Int, inFlight: Int) {
        var text = ""
        t.writeChromeTrace { text += $0 }
        let events = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], "the Chrome trace is not a JSON array")
        let counter = events.filter { $0["name"] as? String == "device pages written" && ($0["ts"] as? Int ?? .max) <= seq }.last
        let args = counter?["args"] as? [String: Any] ?? [:]
        return (args["issued"] as? Int ?? 0, args["in flight"] as? Int ?? 0)
    }

    /// In the middle of write-hole's writeback (requests in flight, a note in effect), and at its end.
    @Test func everyPanelAndExportAgree() throws {
        let t = try DamagePersistenceTests.bundled("write-hole")
        let firstNote = try #require((0..<t.count).first { t.event($0).kind == .note })
        let inFlight = try #require(((firstNote + 1)..<t.count).first { seq in
            let s = t.state(at: seq)
            return s.counters.userPagesWritten > 0 && s.inflight.contains { !t.request($0).isRead }
        }, "no write in flight after the first note")
        for seq in [inFlight, t.count - 1] {
            var model = DebuggerModel(timeline: t, width: 120, height: 40, at: seq)
            let view = model.viewState!
            let lines = model.view().lines

            // Counters: the panel says what the Chrome trace counted up to here.
            let chrome = try Self.chromeWritten(t, at: seq)
            let panel = (written: Int(view.writes.devicePagesWritten), inFlight: Int(view.writes.devicePagesInFlight))
            #expect(panel.written == chrome.issued && panel.inFlight == chrome.inFlight, "event \(seq): panel \(panel), Chrome \(chrome)")
            let w = view.writes
            let amp = "write amp \(w.amplificationText) = \(CountersPanel.count(w.devicePagesWritten, "device page")) issued / \(CountersPanel.count(w.userPagesWritten, "user page"))"
            #expect(lines.contains { $0.contains(amp) }, "\(amp)")
            if seq == inFlight { #expect(chrome.inFlight > 0) }
            if seq == t.count - 1 {
                let summary = TraceSummary(t)
                #expect(summary.lines.contains("device pages written: \(chrome.issued) issued, 0 of them in flight"))
                #expect(summary.lines.contains { $0.hasPrefix("write amplification: \(view.writes.amplificationText) ") })
                // summary-json's figure for a world.
                #expect(summary.comparedFigures.first { $0.key == "dev_pages_written" }?.value == UInt64(chrome.issued))
            }

            // The note in effect: the header shows its first words, Enter names it whole.
            let note = try #require(view.note)
            let text = try #require(t.message(of: note))
            let header = lines[2]
            #expect(header.contains(String(text.prefix(40))), "event \(seq): header \(header)")
            model.mode = .detail
            let enter = EventDetailOverlay(model: model).lines(width: 200)
            #expect(enter.contains("note (event \(note)): \(text)"), "event \(seq): Enter shows \(enter)")

            // The page detail names the stripe as the grid's row label does.
            model.mode = .normal
            model.selectedPage = 3
            let layout = try #require(model.state.layout)
            let gridRow = try #require(DamagePersistenceTests.row(lines, box: "page cache", stripe: 3 / layout.pagesInStripe))
            #expect(gridRow.hasPrefix("│s\(3 / layout.pagesInStripe) "))
            let detail = model.view().text
            #expect(detail.contains("stripe s\(3 / layout.pagesInStripe) row"), "\(detail)")
        }
    }
}
