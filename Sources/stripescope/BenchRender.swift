import Dispatch
import StripeCore
import StripeUI

/// Times the debugger's view: a 200×60 frame at each of `events`, in each state a user
/// can put the screen in (plain, a page selected, help open, a search being typed, the
/// split screen of two worlds, a question waiting for its answer, the crash browser);
/// the slowest frame of each state counts (each timed as the best of 3, to leave out
/// scheduling noise).
enum BenchRender {
    /// The states a frame is timed in, as the JSON names them.
    static let states = ["plain", "page_selected", "help", "search", "split", "question", "crash"]

    /// The `ask` line the bench puts after the layout line: its window is drawn over the
    /// frames of the `question` state (its answer, the next command's, is cheap to find).
    static let askLine = "ask count dev-pages-written How many device pages does the next command write?"

    /// The slowest frame of each state, in the order of `states`, and the slowest
    /// opening of the crash browser (`x`: the crash states of what is in flight).
    static func frameMilliseconds(_ timeline: Timeline, at events: [Int], split comparison: Comparison) -> (frames: [Double], crashOpen: Double) {
        var worst = Array(repeating: 0.0, count: states.count)
        var crashOpen = 0.0
        let ask = (0..<min(timeline.count, 1000)).first { timeline.question(at: $0) != nil }
        for seq in events {
            let model = DebuggerModel(timeline: timeline, width: 200, height: 60, at: seq)
            var selected = model
            selected.selectedPage = timeline.pageIndex(of: seq) ?? 0
            var help = model
            _ = help.update(.key(.character("?")))
            var searching = model
            for key in "/writepage" { _ = searching.update(.key(.character(key))) }
            let split = CompareModel(comparison: comparison, width: 200, height: 60, at: seq)
            // The question asked at the start, its window left open over this event.
            var question = model
            if let ask {
                question.startQuestion(at: ask)
                question.move(to: seq)
            }
            var times = [model, selected, help, searching].map { m in time { _ = m.view() } } + [time { _ = split.view() }]
                + [time { _ = question.view() }]
            // Opened after the other frames (it allocates and frees what is in flight), and
            // timed once: it costs what is in flight.
            var crash = model
            crashOpen = max(crashOpen, time(repeats: 1) { crash.mode = CrashBrowser(timeline: timeline, at: seq).map(DebuggerModel.Mode.crash) ?? .normal })
            times.append(time { _ = crash.view() })
            for (n, t) in times.enumerated() { worst[n] = max(worst[n], t) }
        }
        return (worst, crashOpen)
    }

    private static func time(repeats: Int = 3, _ draw: () -> Void) -> Double {
        (0..<repeats).map { _ in
            let start = DispatchTime.now()
            draw()
            return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        }.min()!
    }
}
