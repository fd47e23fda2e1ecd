import Dispatch
import StripeCore
import StripeUI

/// Times the debugger's view: one 200×60 frame, the median of several.
enum BenchRender {
    static func frameMilliseconds(_ timeline: Timeline, at seq: Int) -> Double {
        let model = DebuggerModel(timeline: timeline, width: 200, height: 60, at: seq)
        var times: [Double] = []
        for _ in 0..<9 {
            let start = DispatchTime.now()
            _ = model.view()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6)
        }
        return times.sorted()[times.count / 2]
    }
}
