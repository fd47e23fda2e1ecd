import Dispatch
import StripeCore
import StripeUI

/// Times the debugger's view: a 200×60 frame at each of `events`, in each state a user
/// can put the screen in (plain, a page selected, help open, a search being typed, the
/// split screen of two worlds); the slowest frame of each state counts (each timed as
/// the best of 3, to leave out scheduling noise).
enum BenchRender {
    /// The states a frame is timed in, as the JSON names them.
    static let states = ["plain", "page_selected", "help", "search", "split"]

    /// The slowest frame of each state, in the order of `states`.
    static func frameMilliseconds(_ timeline: Timeline, at events: [Int], split comparison: Comparison) -> [Double] {
        var worst = Array(repeating: 0.0, count: states.count)
        for seq in events {
            let model = DebuggerModel(timeline: timeline, width: 200, height: 60, at: seq)
            var selected = model
            selected.selectedPage = timeline.pageIndex(of: seq) ?? 0
            var help = model
            _ = help.update(.key(.character("?")))
            var searching = model
            for key in "/writepage" { _ = searching.update(.key(.character(key))) }
            let split = CompareModel(comparison: comparison, width: 200, height: 60, at: seq)
            let times = [model, selected, help, searching].map { m in time { _ = m.view() } } + [time { _ = split.view() }]
            for (n, t) in times.enumerated() { worst[n] = max(worst[n], t) }
        }
        return worst
    }

    private static func time(_ draw: () -> Void) -> Double {
        (0..<3).map { _ in
            let start = DispatchTime.now()
            draw()
            return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        }.min()!
    }
}
