import Testing
@testable import StripeUI

/// The run loop through the terminal protocol: keys, bytes, resizes, job control and
/// redraws, without a terminal.
struct TerminalLoopTests {
    func run(_ backend: inout ScriptedBackend, width: Int = 120, height: Int = 40) throws -> DebuggerModel {
        var model = DebuggerModel(timeline: try defaultTimeline(), width: width, height: height)
        TerminalLoop.run(&model, on: &backend)
        return model
    }

    @Test func quitsOnQBeforeReadingOn() throws {
        var backend = ScriptedBackend([.typed("q"), .typed("l")])
        _ = try run(&backend)
        #expect(backend.unread == 1)
        #expect(!backend.ranOut)
        #expect(backend.frames.count == 1, "only the first frame: q quits before drawing")
    }

    /// Searches queued while the screen was busy do not delay a quit: `q` is answered
    /// on the loop turn that reads it, and none of the searches before it runs.
    @Test func quitIsHonouredBeforeQueuedSearches() throws {
        var model = DebuggerModel(timeline: try defaultTimeline(), width: 120, height: 40)
        model.search = "no event says this"
        var backend = ScriptedBackend([.typed(String(repeating: ".", count: 30) + "q"), .typed("l")])
        TerminalLoop.run(&model, on: &backend)
        #expect(!backend.ranOut && backend.unread == 1)
        #expect(model.message == nil, "no queued search ran: \(model.message?.text ?? "")")
        #expect(backend.frames.count == 1)
    }

    /// A held arrow's queued repeats give way to the next key pressed: the screen does
    /// what the user does now, not what the key repeat queued.
    @Test func aNewKeySupersedesQueuedRepeats() throws {
        var backend = ScriptedBackend([.typed("lll"), .typed("llllllh"), .typed("q")])
        _ = try run(&backend)
        #expect(backend.frames[2].screen.lines[0].contains("event 2/97"), "\(backend.frames[2].screen.lines[0])")
    }

    @Test func hangupEndsTheLoop() throws {
        var backend = ScriptedBackend([.typed("l")])
        let model = try run(&backend)
        #expect(backend.ranOut)
        #expect(model.cursor == 1)
    }

    @Test func everyBatchIsOneFrame() throws {
        var backend = ScriptedBackend([.typed("l"), .typed("lll"), .typed("q")])
        _ = try run(&backend)
        #expect(backend.frames.map { $0.screen.lines[0].contains("event 1/97") } == [false, true, false])
        #expect(backend.frames.count == 3)
        #expect(backend.frames[2].screen.lines[0].contains("event 4/97"))
    }

    @Test func aPasteIsOneFrameAndKeepsEveryCharacter() throws {
        let pasted = String(repeating: "write 0..3 ", count: 2_000)
        var backend = ScriptedBackend([.typed(":"), .typed(pasted)])
        let model = try run(&backend)
        #expect(backend.frames.count == 3, "the first frame, the prompt, and one for the whole paste")
        #expect(model.mode == .prompt(.command, pasted))
        #expect(backend.frames.last!.screen.lines.last!.hasPrefix(":write 0..3 write"))
    }

    @Test func resizeRedrawsAtTheNewSize() throws {
        var backend = ScriptedBackend([[.resize(width: 80, height: 24)], [.resize(width: 30, height: 8)], .typed("q")])
        let model = try run(&backend)
        #expect(backend.frames.count == 3)
        let (medium, tiny) = (backend.frames[1], backend.frames[2])
        #expect(medium.full && tiny.full)
        #expect((medium.screen.width, medium.screen.height) == (80, 24))
        #expect(medium.screen.lines[0].contains("event 0/97"))
        #expect((tiny.screen.width, tiny.screen.height) == (30, 8))
        #expect(tiny.screen.text.contains("needs at least"))
        #expect((model.width, model.height) == (30, 8))
    }

    @Test(arguments: [[0x80], [0xCA], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]] as [[UInt8]])
    func invalidBytesAreDroppedAndLaterKeysStillWork(invalid: [UInt8]) throws {
        var backend = ScriptedBackend([invalid.map(TerminalInput.byte), .typed("l"), invalid.map(TerminalInput.byte) + .typed("q")])
        let model = try run(&backend)
        #expect(model.cursor == 1, "l after the invalid bytes steps")
        #expect(!backend.ranOut, "q after the invalid bytes quits")
        #expect(backend.bells == 1, "one bell for the batch that was only invalid bytes")
    }

    @Test func utf8CharactersReachThePromptWhole() throws {
        // é (2 bytes) split across batches, ✓ (3 bytes), 𝔸 (4 bytes); a lead byte
        // followed by an ASCII key is dropped and the key kept.
        var backend = ScriptedBackend([.typed("/"), [.byte(0xC3)], [.byte(0xA9)], .typed("✓𝔸"), [.byte(0xE2)], .typed("x")])
        let model = try run(&backend)
        #expect(model.mode == .prompt(.search, "é✓𝔸x"))
        #expect(backend.bells == 1)
    }

    @Test func aDecodedKeyBetweenTheBytesOfACharacterDropsIt() throws {
        var backend = ScriptedBackend([.typed("/"), [.byte(0xC3), .key(.right), .byte(0xA9)], .typed("a")])
        let model = try run(&backend)
        #expect(model.mode == .prompt(.search, "a"))
    }

    @Test func controlKeysAreNamedAndOtherControlsDropped() throws {
        var decoder = UTF8KeyDecoder()
        #expect(decoder.feed(3) == .control("c"))
        #expect(decoder.feed(13) == .enter)
        #expect(decoder.feed(9) == .tab)
        #expect(decoder.feed(127) == .backspace)
        #expect(decoder.feed(27) == .escape)
        #expect(decoder.feed(0x1C) == nil)
        #expect(decoder.feed(0xC2) == nil && decoder.feed(0x85) == nil, "C1 controls are not typed text")
        #expect(decoder.dropped == 2)
    }

    @Test func ctrlZSuspendsAndRepaintsEverything() throws {
        var backend = ScriptedBackend([[.byte(26)], .typed("q")])
        let model = try run(&backend)
        #expect(backend.suspensions == 1)
        #expect(backend.frames.count == 2 && backend.frames[1].full)
        #expect(model.mode == .normal)
    }

    @Test func resumeAndCtrlLRepaintEverything() throws {
        var backend = ScriptedBackend([[.resumed], .typed("l"), [.byte(12)], .typed("q")])
        let model = try run(&backend)
        #expect(backend.frames.map(\.full) == [true, true, false, true])
        #expect(backend.suspensions == 0)
        #expect(model.cursor == 1)
    }

    @Test func playingTicksWhenNoKeyArrives() throws {
        var backend = ScriptedBackend([.typed("pP"), [], [], .typed("P"), [], .typed("q")])
        let model = try run(&backend)
        #expect(model.cursor == 2, "two pauses while playing are two ticks; the pause after P stops is none")
        #expect(!model.playing)
    }
}
