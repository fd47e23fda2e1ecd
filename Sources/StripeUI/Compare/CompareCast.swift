import StripeCore

/// An asciicast of two worlds playing in lockstep: world A event by event, world B at
/// the event aligned with it, one split frame each.
public struct CompareCast {
    public var comparison: Comparison
    public var width: Int
    public var height: Int
    /// Seconds between two frames.
    public var secondsPerFrame: Double

    public init(comparison: Comparison, width: Int, height: Int, secondsPerFrame: Double) {
        self.comparison = comparison
        self.width = width
        self.height = height
        self.secondsPerFrame = secondsPerFrame
    }

    /// Writes the recording line by line.
    public func write(to out: (String) -> Void) {
        var model = CompareModel(comparison: comparison, width: width, height: height)
        let title = "StripeScope: \(comparison.pair.a.title) compared with \(comparison.pair.label)"
        Asciicast.write(title: title, timeline: comparison.a, width: width, height: height,
                        secondsPerFrame: secondsPerFrame, to: out) { seq in
            model.moveBoth(.a, to: seq)
            return model.view()
        }
    }
}
