import Dispatch
import StripeCore
import StripeUI

/// Times the debugger's view: a 200×60 frame at each of `events`; the slowest event
/// counts (each timed as the best of 3, to leave out scheduling noise).
enum BenchRender {
    static func frameMilliseconds(_ timeline: Timeline, at events: [Int]) -> Double {
        events.map { seq in
            let model = DebuggerModel(timeline: timeline, width: 200, height: 60, at: seq)
            return (0..<3).map { _ in
                let start = DispatchTime.now()
                _ = model.view()
                return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
            }.min()!
        }.max() ?? 0
    }
}
