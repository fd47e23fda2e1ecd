import Foundation
import Testing

/// The Makefile's promises: `make run` opens the release build, and `make test`'s summary
/// names a failing test of either framework.
struct MakeTargetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make"), "make is not installed"))
    func makeRunBuildsAndRunsTheReleaseBinary() throws {
        let r = try Subprocess.run("/usr/bin/make", ["-n", "-C", Self.root.path, "run", "ARGS=tui gap"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("swift build -c release\n"), "\(r.stdout)")
        #expect(r.stdout.contains("build -c release --show-bin-path)/stripescope tui gap"), "\(r.stdout)")
    }

    /// An XCTest failure, an XCTest case that crashed and a Swift Testing failure: each is
    /// named in the results, as `make test` prints them.
    @Test func summaryNamesFailuresOfEveryFramework() throws {
        let log = """
            Test Case 'KernelModelTests.testPasses' started at 2026-12-07 10:00:00.000
            Test Case 'KernelModelTests.testPasses' passed (0.001 seconds)
            Test Case 'KernelModelTests.testFails' started at 2026-12-07 10:00:00.000
            /w/Tests/KernelModelTests/K.swift:12: error: KernelModelTests.testFails : XCTAssertEqual failed: ("1") is not equal to ("2")
            Test Case 'KernelModelTests.testFails' failed (0.002 seconds)
            Test Case 'KernelModelTests.testCrashes' started at 2026-12-07 10:00:00.000
            Fatal error: boom

            """
        let dir = try Binary.scratch(log, name: "swift-test.log").deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let results = dir.appendingPathComponent("results").path
        let script = Self.root.appendingPathComponent(".ci/swift-test-summary").path
        let r = try Subprocess.run("/bin/sh", [script, dir.appendingPathComponent("swift-test.log").path, "134", results])
        #expect(r.stdout.contains("error: KernelModelTests.testFails : XCTAssertEqual failed"))
        let lines = try String(contentsOfFile: results, encoding: .utf8).split(separator: "\n")
        #expect(lines.contains("pass KernelModelTests.testPasses"))
        #expect(lines.contains("fail KernelModelTests.testFails"))
        #expect(lines.contains("fail KernelModelTests.testCrashes (did not finish)"))
    }
}
