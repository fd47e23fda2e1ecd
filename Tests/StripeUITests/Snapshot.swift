import Foundation
import Testing
import StripeUI

/// Compares `screen` as text with `__Snapshots__/NAME.txt`. A missing snapshot fails,
/// unless SNAPSHOT_TESTING_RECORD=all, which writes it (review it before committing).
func assertSnapshot(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertSnapshot(text: screen.text, named: name, sourceLocation: sourceLocation)
}

/// The same for any text (a frame with its colours as ANSI escapes).
func assertSnapshot(text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent("\(name).txt")
    let actual = text + "\n"
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_TESTING_RECORD"] == "all"
    guard let expected = try? String(contentsOf: url, encoding: .utf8), !record else {
        if record {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded snapshot \(name); run again without SNAPSHOT_TESTING_RECORD=all", sourceLocation: sourceLocation)
        } else {
            Issue.record("missing snapshot \(name) (run with SNAPSHOT_TESTING_RECORD=all to record it)", sourceLocation: sourceLocation)
        }
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
        Issue.record("snapshot \(name) differs at line \(line + 1):\n- \(line < e.count ? e[line] : "")\n+ \(line < a.count ? a[line] : "")",
                     sourceLocation: sourceLocation)
    }
}
