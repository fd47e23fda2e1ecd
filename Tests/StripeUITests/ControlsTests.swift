import Synchronization
import Testing
import StripeAssets
@testable import StripeCore
@testable import StripeUI

/// Files in memory, for `o` and `:w`.
final class MemoryFiles: Sendable {
    let files = Mutex<[String: String]>([:])

    var scenarioFiles: ScenarioFiles {
        ScenarioFiles(bundled: BundledScenarios.all, read: { path in self.files.withLock { $0[path].map { Array($0.utf8) } } },
                      write: { path, text in self.files.withLock { $0[path] = text } })
    }
}

/// Narration, editing, breakpoints and keyboard exploration, through the terminal
/// protocol where a key sequence matters.
struct ControlsTests {
    func model(at seq: Int = 0, files: MemoryFiles = MemoryFiles()) throws -> DebuggerModel {
        var m = DebuggerModel(timeline: try defaultTimeline(), width: 120, height: 40, at: seq)
        m.files = files.scenarioFiles
        return m
    }

    /// Runs the loop over `batches` (then the terminal hangs up).
    func run(_ m: inout DebuggerModel, _ batches: [[TerminalInput]]) -> ScriptedBackend {
        var backend = ScriptedBackend(batches)
        TerminalLoop.run(&m, on: &backend)
        return backend
    }

    func summaries(_ t: Timeline) -> [String] { (0..<t.count).map(t.summary(of:)) }

    // MARK: narration

    @Test func noteTextShowsFromTheStartOfItsLine() throws {
        let m = try model(at: 2)  // line 4: note, before its note event
        #expect(m.timeline.event(2).kind == .command)
        #expect(m.view().lines[2].contains("Four devices, 16K units"))
        // Before it, no note.
        #expect(!(try model(at: 1)).view().lines[2].contains("Four devices"))
    }

    @Test func playWaitsAtEachNoteUntilAKey() throws {
        var m = try model()
        let notes = (0..<m.timeline.count).filter { m.timeline.event($0).kind == .note }
        // P, then ticks: play stops at the first note and stops asking for ticks.
        var batches: [[TerminalInput]] = [.typed("P")] + Array(repeating: [], count: 5)
        _ = run(&m, batches)
        #expect(m.cursor == notes[0] && m.heldAtNote && !m.wantsTicks)
        // A key plays on, to the next note; a held note takes no ticks, so many pauses
        // cannot move it.
        batches = [.typed("x")] + Array(repeating: [], count: 40)
        _ = run(&m, batches)
        #expect(m.cursor == notes[1] && m.heldAtNote)
        // p runs past notes: the rest plays through to the end.
        batches = [.typed("p")] + Array(repeating: [], count: 200)
        _ = run(&m, batches)
        #expect(m.cursor == m.timeline.count - 1 && !m.playing)
    }

    @Test func slowSpeedsMoveOnceEveryFewTicks() throws {
        var m = try model()
        for _ in 0..<PlaySpeed.defaultIndex { _ = m.update(.key(.character("-"))) }
        #expect(m.speed.label == "4 s/event")
        _ = m.update(.key(.character("P")))
        #expect(m.view().lines.last!.hasPrefix("PLAYING 4 s/event"))
        for _ in 0..<49 { _ = m.update(.tick) }
        #expect(m.cursor == 0)
        _ = m.update(.tick)
        #expect(m.cursor == 1)
        for _ in 0..<20 { _ = m.update(.key(.character("+"))) }
        #expect(m.speed.label == "full speed")
    }

    // MARK: editing

    @Test func undoAfterSeveralEditsGoesBackOneAtATime() throws {
        var m = try model()
        let original = summaries(m.timeline)
        var versions: [(summaries: [String], cursor: Int)] = []
        for (command, seq) in [("cache 9..10", 20), ("write 20", 40), ("reclaim pages=2", 90)] {
            m.move(to: seq)
            versions.append((summaries(m.timeline), m.cursor))
            m.submitCommand(command)
            m.finishPendingBuild()
            #expect(m.message?.isError == false, "\(command)")
            #expect(m.timeline.message(of: m.cursor) == command)
        }
        // Every later note of the scenario is still there.
        #expect(m.timeline.scenario.lines.filter { if case .note = $0.command { true } else { false } }.count == 6)
        #expect(m.isEdited)
        for version in versions.reversed() {
            _ = m.update(.key(.character("u")))
            m.finishPendingBuild()
            #expect(summaries(m.timeline) == version.summaries)
            #expect(m.cursor == version.cursor)
        }
        #expect(summaries(m.timeline) == original && !m.isEdited)
        _ = m.update(.key(.character("u")))
        #expect(m.message?.text == "nothing to undo: the scenario is as it was opened")
        #expect(summaries(m.timeline) == original)
    }

    @Test func anEditKeepsTheRestOfTheScenarioAfterIt() throws {
        var m = try model(at: 20)
        let before = m.timeline.scenario.lines.map(\.text)
        _ = run(&m, [.typed(":cache 9..10\r")])
        let after = m.timeline.scenario.lines.map(\.text)
        #expect(after.count == before.count + 1)
        // Event 20 is inside 'write 5..6': the new command comes right after it.
        #expect(after.firstIndex(of: "cache 9..10") == before.firstIndex(of: "write 5..6")! + 1)
        #expect(after.filter { $0 != "cache 9..10" } == before)
        #expect(m.view().lines[0].contains("[edited]"))
    }

    @Test func aBadCommandKeepsThePromptAndItsText() throws {
        var m = try model(at: 20)
        _ = run(&m, [.typed(":write 5..\r")])
        #expect(m.mode == .prompt(.command, "write 5.."))
        #expect(m.message?.isError == true)
        let status = m.view().lines.last!
        #expect(status.hasPrefix(":write 5.._") && status.contains("column"))
        #expect(!m.isEdited)
    }

    @Test func saveThenReloadGivesTheSameTimeline() throws {
        let files = MemoryFiles()
        var m = try model(at: 20, files: files)
        _ = run(&m, [.typed(":cache 9..10\r"), .typed("}}:fsync\r"), .typed(":w /tmp/edited.scn\r")])
        #expect(m.message?.text == "wrote /tmp/edited.scn: \(m.timeline.scenario.lines.count) commands")
        let saved = try #require(files.files.withLock { $0["/tmp/edited.scn"] })
        #expect(saved.contains("\nwrite 5..6\ncache 9..10\n"))
        // The file's comments are kept; the text is the original's with two lines more.
        let original = try #require(BundledScenarios.text(named: "partial-stripe"))
        #expect(saved.hasPrefix("title A partial-stripe write: read-4-write finds pages in the cache and reads the rest\n# The default scenario:"))
        #expect(saved.split(separator: "\n").count == original.split(separator: "\n").count + 2)
        let reloaded = Engine.run(try ScenarioParser.parse(saved, name: "edited.scn"))
        #expect(summaries(reloaded) == summaries(m.timeline))
        #expect(reloaded.count == m.timeline.count)
        // And o opens the saved file, the same timeline, not edited.
        _ = run(&m, [.typed("o/tmp/edited.scn\r")])
        #expect(summaries(m.timeline) == summaries(reloaded) && !m.isEdited && m.cursor == 0)
    }

    @Test func anErrorInALaterLineSaysWhichLine() throws {
        var m = try model()  // on the title, before the layout line
        m.submitCommand("layout raid0 devices=2 stripe-unit=4K")
        #expect(m.message?.text == ":layout raid0 devices=2 stripe-unit=4K: then line 4 fails: the layout is already set on line 2; a scenario has one layout")
        #expect(m.mode == .prompt(.command, "layout raid0 devices=2 stripe-unit=4K") && !m.isEdited)
    }

    /// Without the original text (a scenario built in memory), comments become blank
    /// lines and every command keeps its line number.
    @Test func withoutTheFileTheCommandsKeepTheirLines() throws {
        var m = try model()
        m.files = ScenarioFiles(bundled: [], read: { _ in nil }, write: { _, _ in })
        let rows = m.sourceRows
        #expect(rows[1] == "" && rows[0].hasPrefix("title "))
        let reparsed = try ScenarioParser.parse(rows.joined(separator: "\n"), name: "x")
        #expect(reparsed.lines == m.timeline.scenario.lines)
    }

    /// As in vim, `:w` keeps a file that exists; `:w!` replaces it.
    @Test func writeKeepsAnExistingFileUnlessForced() throws {
        let files = MemoryFiles()
        files.files.withLock { $0["/tmp/lesson.scn"] = "# a prepared lesson\n" }
        var m = try model(files: files)
        _ = run(&m, [.typed(":w /tmp/lesson.scn\r")])
        #expect(m.message?.text == ":w /tmp/lesson.scn: the file exists; :w! /tmp/lesson.scn replaces it")
        #expect(files.files.withLock { $0["/tmp/lesson.scn"] } == "# a prepared lesson\n")
        m.mode = .normal
        _ = run(&m, [.typed(":w! /tmp/lesson.scn\r")])
        #expect(m.message?.isError == false)
        #expect(files.files.withLock { $0["/tmp/lesson.scn"] }?.hasPrefix("title A partial-stripe write") == true)
    }

    @Test func writeWithoutAFileKeepsThePrompt() throws {
        var m = try model()
        _ = run(&m, [.typed(":w\r")])
        #expect(m.mode == .prompt(.command, "w"))
        #expect(m.message?.isError == true)
    }

    // MARK: open

    @Test func openABundledScenarioByCompletedName() throws {
        var m = try model(at: 30)
        m.addBreakpoint(.violation)
        _ = run(&m, [.typed("ocold-c"), [.byte(9)], .typed("\r")])
        #expect(m.timeline.scenario.name == "cold-cache.scn")
        #expect(m.cursor == 0 && m.breakpoints.count == 1)
    }

    @Test func openingWhatIsNotThereKeepsThePrompt() throws {
        var m = try model()
        _ = run(&m, [.typed("onosuch\r")])
        #expect(m.mode == .prompt(.open, "nosuch"))
        #expect(m.message?.text.contains("no such file, and no bundled scenario") == true)
    }

    // MARK: breakpoints

    @Test func kernelAndEngineNamesBothWork() {
        #expect(BreakpointSpec.parse("fn exofs_writepages") == .success(.function(.writepages)))
        #expect(BreakpointSpec.parse("fn writepages") == .success(.function(.writepages)))
        #expect(BreakpointSpec.parse("fn __r4w_get_page") == .success(.kind(.r4wGetPage)))
        #expect(BreakpointSpec.parse("kernel_bug") == .success(.kind(.kernelBug)))
        #expect(BreakpointSpec.parse("kind violation") == .success(.kind(.violation)))
        #expect(BreakpointSpec.parse("fn __r4w_get_page page 9") == .success(.when(.kind(.r4wGetPage), .page(9))))
        #expect(BreakpointSpec.parse("fn ore_write dev 2 page 3") == .success(.when(.when(.function(.ore_write), .device(2)), .page(3))))
        guard case .failure(let error) = BreakpointSpec.parse("fn get_page") else { Issue.record("get_page accepted"); return }
        #expect(error.message.hasPrefix("fn get_page: no such function; valid: __r4w_get_page __r4w_put_page writepages exofs_writepages"))
        guard case .failure = BreakpointSpec.parse("fn __r4w_get_page page x") else { Issue.record("page x accepted"); return }
    }

    @Test func aConditionOnAPageStopsOnlyThere() throws {
        var m = try model()
        _ = run(&m, [.typed("Ba"), .typed("fn __r4w_get_page page 10\r"), [.byte(27)], .typed("c")])
        let seq = try #require((0..<m.timeline.count).first {
            if case .r4wGetPage(let get) = m.timeline.payload(of: $0) { get.index == 10 } else { false }
        })
        #expect(m.cursor == seq)
        #expect(m.message?.text == "Breakpoint 1, __r4w_get_page(index=10) at event \(seq)")
        #expect(m.view().lines.last!.hasPrefix("NORMAL  Breakpoint 1, __r4w_get_page(index=10)"))
        // The earlier get_page of pages 1, 2 and 9 did not stop it.
        #expect((0..<seq).filter { m.timeline.event($0).kind == .r4wGetPage }.count == 3)
    }

    @Test func breakpointsAreNumberedAsInGdb() throws {
        var m = try model()
        _ = run(&m, [.typed("Ba"), .typed("fn exofs_writepages\r"), .typed("a"), .typed("fn __r4w_get_page\r"), [.byte(27)], .typed("c")])
        #expect(m.breakpoints.map(\.number) == [1, 2])
        #expect(m.message?.text.hasPrefix("Breakpoint 1, exofs_writepages(sync=") == true)
        _ = run(&m, [.typed("c")])
        #expect(m.message?.text.hasPrefix("Breakpoint 2, __r4w_get_page(index=1) at event") == true)
    }

    @Test func aMistypedBreakpointKeepsTheDialogOpen() throws {
        var m = try model()
        _ = run(&m, [.typed("Ba"), .typed("fn get_page\r"), .typed("q")])
        // q was typed into the dialog, not run as quit.
        #expect(m.mode == .prompt(.breakpoint, "fn get_pageq"))
        #expect(m.breakpoints.isEmpty)
    }

    @Test func tabCompletesNamesAndKinds() throws {
        #expect(BreakpointSpec.complete("f").text == "fn ")
        #expect(BreakpointSpec.complete("fn __r4w_g").text == "fn __r4w_get_page ")
        let both = BreakpointSpec.complete("fn __r4w")
        #expect(both.text == "fn __r4w_" && both.candidates == ["__r4w_get_page", "__r4w_put_page"])
        #expect(BreakpointSpec.complete("kind kernel").text == "kind kernel_bug ")
        #expect(BreakpointSpec.complete("fn exofs_writepages p").text == "fn exofs_writepages page ")
        #expect(BreakpointSpec.complete("fn zzz").candidates.isEmpty)
        // Through the dialog: Tab fills the name in, Enter sets it.
        var m = try model()
        _ = run(&m, [.typed("Bafn __r4w_g"), [.byte(9)], .typed("\r")])
        #expect(m.breakpoints.map(\.breakpoint) == [.kind(.r4wGetPage)])
    }

    // MARK: exploration

    @Test func pageCursorAndDetailWithoutAMouse() throws {
        var m = try model(at: 40)
        // Tab to the page cache; the cursor starts on the page the event is about.
        _ = run(&m, [[.byte(9)]])
        #expect(m.focus == .pages && m.pageCursor == m.currentPage)
        let start = m.pageCursor
        _ = run(&m, [[.key(.right)], [.key(.down)], [.key(.left)]])
        #expect(m.pageCursor == start + 12)
        _ = run(&m, [[.key(.up)], [.key(.right)], [.byte(13)]])
        #expect(m.selectedPage == start + 1)
        _ = run(&m, [[.byte(27)]])
        #expect(m.selectedPage == nil)
        // b there breaks on the page under the cursor.
        _ = run(&m, [.typed("b")])
        #expect(m.breakpoints.map(\.breakpoint) == [.page(start + 1)])
    }

    @Test func pageDetailSaysWhereThePageLives() throws {
        var m = try model(at: 40)
        m.selectedPage = 5
        let text = m.view().text
        // Column 1, row 1 of stripe 0: device 1 at object offset 4K; parity on device 3.
        #expect(text.contains("dev 1 obj 0x1000, stripe s0 row 1, parity dev 3"))
        #expect(text.contains("page 5 (Esc closes)"))
        m.selectedPage = 13  // stripe 1: parity moved one device left, column 0 after it
        #expect(m.view().text.contains("dev 3 obj 0x5000, stripe s1 row 1, parity dev 2"))
    }

    /// At 80×24 there is no counters panel: the page takes the call stack's place, and
    /// where it lives wraps onto two lines.
    @Test func pageDetailOnASmallScreen() throws {
        var m = DebuggerModel(timeline: try defaultTimeline(), width: 80, height: 24, at: 40)
        m.selectedPage = 5
        let lines = m.view().lines
        let top = try #require(lines.firstIndex { $0.contains("┌ page 5 (Esc closes)") })
        #expect(lines[top + 1].contains("locked uptodate"))
        let detail = lines[(top + 2)...(top + 4)].joined(separator: " ")
        #expect(detail.contains("refs 0  data 0x") && detail.contains("dev 1 obj 0x1000, stripe s0 row") && detail.contains("parity dev 3"))
        #expect(!m.view().text.contains("call stack"))
    }

    @Test func enterOnALogRowGoesThere() throws {
        var m = try model(at: 40)
        _ = run(&m, [[.key(.down)], [.key(.down)], [.key(.down)]])
        #expect(m.logRow == 43)
        #expect(m.view().text.contains("▶"))
        _ = run(&m, [[.byte(13)]])
        #expect(m.cursor == 43 && m.mode == .normal && m.logRow == nil)
    }

    // MARK: record --narrate

    /// With `secondsAtNote`, the frame after each note comes that much later; without,
    /// frames are evenly spaced.
    @Test func aRecordingWaitsAtNotes() throws {
        let t = try defaultTimeline()
        func outputTimes(_ cast: Asciicast) -> [Double] {
            var times: [Double] = []
            cast.write { line in
                if line.contains("\"o\""), let time = Double(line.dropFirst().prefix { $0 != "," }) { times.append(time) }
            }
            return times
        }
        let plain = outputTimes(Asciicast(timeline: t, width: 80, height: 24, secondsPerFrame: 0.5))
        let narrated = outputTimes(Asciicast(timeline: t, width: 80, height: 24, secondsPerFrame: 0.5, secondsAtNote: 6))
        #expect(plain.count == t.count && narrated.count == t.count)
        let notes = (0..<t.count).filter { t.event($0).kind == .note }
        #expect(notes.count == 6)
        for seq in 1..<t.count {
            let gap = narrated[seq] - narrated[seq - 1]
            #expect(gap == (notes.contains(seq - 1) ? 6.5 : 0.5), "after event \(seq - 1)")
        }
        #expect(plain.last == Double(t.count - 1) * 0.5)
    }
}
