import Synchronization
import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// Effects out of `update` (bubbletea's `Cmd`): `update` asks for file reads, writes and
/// builds, and the run loop does them and hands the results back as messages.
struct EffectTests {
    /// A file system in memory that counts every call made to it.
    final class CountingFiles: Sendable {
        let contents = Mutex<[String: String]>([:])
        let calls = Mutex<[String]>([])

        var scenarioFiles: ScenarioFiles {
            ScenarioFiles(bundled: BundledScenarios.all, read: { path in
                self.calls.withLock { $0.append("read \(path)") }
                return self.contents.withLock { $0[path].map { Array($0.utf8) } }
            }, write: { path, text in
                self.calls.withLock { $0.append("write \(path)") }
                self.contents.withLock { $0[path] = text }
            })
        }
    }

    func model(_ files: CountingFiles) throws -> DebuggerModel {
        var m = DebuggerModel(timeline: try defaultTimeline(), width: 120, height: 40)
        m.files = files.scenarioFiles
        return m
    }

    func type(_ m: inout DebuggerModel, _ text: String) {
        for c in text { _ = m.update(.key(.character(c))) }
        _ = m.update(.key(.enter))
    }

    /// `:w` and `o` straight through `update`: no file is touched, the model asks for it.
    @Test func updateTouchesNoFile() throws {
        let files = CountingFiles()
        var m = try model(files)
        _ = m.takeEffects()
        type(&m, ":w /tmp/saved.scn")
        #expect(m.takeEffects() == [.read("/tmp/saved.scn")], "whether it exists is asked of the loop")
        type(&m, "o/tmp/other.scn")
        #expect(m.takeEffects() == [.read("/tmp/other.scn")])
        #expect(files.calls.withLock { $0 }.isEmpty)
        #expect(m.timeline.scenario.name == "partial-stripe.scn" && m.pendingBuild == nil)
        // The answers, as the loop would hand them back: no file there, so it is written.
        _ = m.update(.done(.read(path: "/tmp/saved.scn", bytes: nil, error: nil)))
        guard case .write("/tmp/saved.scn", let text)? = m.takeEffects().first else {
            Issue.record("no write asked for")
            return
        }
        #expect(text == m.scenarioText)
        _ = m.update(.done(.wrote(path: "/tmp/saved.scn", error: nil)))
        #expect(m.message?.text.hasPrefix("wrote /tmp/saved.scn") == true)
        #expect(files.calls.withLock { $0 }.isEmpty)
    }

    /// Through the loop, `:w` reads (is there a file?) then writes, and `o` reads the
    /// file it opens: each call made by the loop's effect runner, once.
    @Test func theLoopRunsTheFileEffects() throws {
        let files = CountingFiles()
        let other = "title another one\n# kept comment\nlayout raid5 devices=3 stripe-unit=4K\nwrite 0..1\n"
        files.contents.withLock { $0["/tmp/other.scn"] = other }
        var m = try model(files)
        var backend = ScriptedBackend([.typed(":w /tmp/saved.scn\r")])
        TerminalLoop.run(&m, on: &backend)
        #expect(files.calls.withLock { $0 } == ["read partial-stripe.scn", "read /tmp/saved.scn", "write /tmp/saved.scn"])
        #expect(files.contents.withLock { $0["/tmp/saved.scn"] } == m.scenarioText)
        #expect(backend.frames.last!.screen.lines.last!.hasPrefix("NORMAL  wrote /tmp/saved.scn"))
        backend = ScriptedBackend([.typed("o/tmp/other.scn\r"), .typed(":note here\r"), .typed(":w /tmp/other.scn\r")])
        TerminalLoop.run(&m, on: &backend)
        #expect(m.timeline.scenario.name == "/tmp/other.scn" && m.isEdited)
        // The opened file's comment is kept by the edit: its text came from the read.
        let saved = try #require(files.contents.withLock { $0["/tmp/other.scn"] })
        #expect(saved == other.replacingOccurrences(of: "# kept", with: "note here\n# kept"))
        #expect(files.calls.withLock { $0 }.suffix(2) == ["read /tmp/other.scn", "write /tmp/other.scn"])
    }

    /// A failed write keeps the prompt and says why; the scenario is still unsaved.
    @Test func aFailedWriteKeepsThePrompt() throws {
        var m = DebuggerModel(timeline: try defaultTimeline(), width: 120, height: 40)
        m.files = ScenarioFiles(bundled: [], read: { _ in nil }, write: { path, _ in throw ScenarioLoadError(description: "\(path): read-only") })
        var backend = ScriptedBackend([.typed(":w! /ro/x.scn\r")])
        TerminalLoop.run(&m, on: &backend)
        #expect(m.mode == .prompt(.command, "w! /ro/x.scn"))
        #expect(m.message == .init(text: ":w /ro/x.scn: /ro/x.scn: read-only", isError: true))
    }

    /// `:` asks for a build and Esc for its cancel: the run is made by `update` but not
    /// started (its timeline is empty) until the loop builds it.
    @Test func buildsAreStartedAndCancelledByTheLoop() throws {
        var m = try model(CountingFiles())
        _ = m.takeEffects()
        type(&m, ":note hi")
        let run = try #require(m.pendingBuild?.run)
        #expect(m.takeEffects() == [.build(run)])
        #expect(run.timeline.count == 0, "update built nothing")
        _ = m.update(.key(.escape))
        #expect(m.takeEffects() == [.cancelBuild(run)] && m.pendingBuild == nil)
        var runner = EffectRunner()
        _ = runner.run(.build(run), files: .none)
        _ = runner.run(.cancelBuild(run), files: .none)
        #expect(!runner.isBusy && run.isFinished && run.timeline.count == 0)
    }
}
