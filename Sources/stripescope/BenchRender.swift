import Dispatch
import StripeCore
import StripeUI

/// Times the debugger's view: a 200×60 frame at each of `events`, in each state a user
/// can put the screen in (plain, a page selected, help open, a search being typed); the
/// slowest frame counts (each timed as the best of 3, to leave out scheduling noise).
enum BenchRender {
    /// The slowest plain frame, and the slowest frame of any state.
    static func frameMilliseconds(_ timeline: Timeline, at events: [Int]) -> (plain: Double, worst: Double) {
        var plain = 0.0, worst = 0.0
        for seq in events {
            let model = DebuggerModel(timeline: timeline, width: 200, height: 60, at: seq)
            var selected = model
            selected.selectedPage = timeline.pageIndex(of: seq) ?? 0
            var help = model
            _ = help.update(.key(.character("?")))
            var searching = model
            for key in "/writepage" { _ = searching.update(.key(.character(key))) }
            let times = [model, selected, help, searching].map(time)
            plain = max(plain, times[0])
            worst = max(worst, times.max()!)
        }
        return (plain, worst)
    }

    private static func time(_ model: DebuggerModel) -> Double {
        (0..<3).map { _ in
            let start = DispatchTime.now()
            _ = model.view()
            return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        }.min()!
    }
}
