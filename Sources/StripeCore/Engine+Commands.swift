extension Engine {
    /// Runs one scenario command: its `command` event, its effects, then, in `auto`
    /// mode, every pending completion, and the invariants.
    func execute(_ line: ScenarioLine) {
        let command = line.command
        currentLine = line.line
        // An `expect` is an assertion, not a step of the run: no event unless a claim
        // fails, so adding claims to a lesson leaves its trace as it was.
        if case .expect(let claims) = command {
            timeline.commandCount += 1
            return expect(claims)
        }
        currentCommandLine = line
        commandStart = (timeline.count, state.counters.userPagesWritten, state.dirtyPages.count)
        stageConfiguration(command)
        emit(.command, i: UInt32(line.line), x: UInt64(timeline.commandCount))
        timeline.commandCount += 1
        switch command {
        case .title, .profile, .layout, .file, .completions, .fail, .repair, .set, .writePath:
            break
        case .resync:
            (writePath as? MdRaid5)?.resync(self)
        case .note(let text):
            note(text)
            return
        case .expect:
            return
        case .ask:
            return
        case .cache(let range, let dirty):
            cache(range, dirty: dirty)
        case .write(let range):
            for index in range where !halted { writePage(index, offset: 0, length: pageSize) }
        case .writeBytes(let offset, let length):
            writeBytes(offset: offset, length: length)
        case .read(let range):
            writePath.readpages(self, range)
        case .writepages(let sync, let range, let nr):
            writePath.writepages(self, sync: sync, range: range, nrToWrite: nr)
        case .fsync(let range):
            fsync(range)
        case .evict(let range):
            evict(range)
        case .reclaim(let pages):
            reclaim(pages: pages)
        case .truncate(let size):
            writePath.truncate(self, size: size)
        case .complete(let count):
            var left = count ?? Int.max
            while left > 0, deliverNextCompletion() { left -= 1 }
        case .check:
            checkInvariants(reportAll: true)
            return
        case .powercut(let cut):
            powercut(cut)
        }
        if !manualCompletions { while deliverNextCompletion() {} }
        guard !halted else { return }
        checkInvariants(reportAll: false)
    }

    /// Configuration commands change state through aux changes carried by their
    /// `command` event, so the change is visible at that very event.
    private func stageConfiguration(_ command: Command) {
        switch command {
        case .profile(let p):
            profile = p
            stage(.profile(p))
        case .layout(let l):
            layout = l
            stage(.layout(l))
        case .file(let size, let ino):
            objectID = ExofsObject.id(ino: ino)
            stage(.createFile(size: size))
        case .completions(let manual):
            manualCompletions = manual
            stage(.completions(manual: manual))
        case .fail(let dev), .repair(let dev):
            if case .fail = command { stage(.deviceFailed(dev: dev, failed: true)) } else { stage(.deviceFailed(dev: dev, failed: false)) }
        case .writePath(let choice):
            switch choice {
            case .ore: writePath = ExofsORE()
            case .md(let config): writePath = MdRaid5(config: config, layout: layout!)
            }
            stage(.writePath(choice))
        case .set(let option):
            switch option {
            case .writepage(let on): switches.writepage = on
            case .lockedPage(let on): switches.lockedPage = on
            case .r4w(let on): switches.r4w = on
            case .dirtyUptodate(let on): switches.dirtyUptodate = on
            case .maxIOPages(let n): switches.maxIOPages = n
            case .pump(let mode): switches.pump = mode
            case .placement(let era): switches.placement = era
            }
            stage(.switches(switches))
        default:
            break
        }
    }
}

extension Command {
    /// Commands that act on the file or devices and so need a layout first (the
    /// parser makes sure one came before).
    var needsLayout: Bool {
        switch self {
        case .title, .note, .profile, .layout, .completions, .set, .complete, .check, .writePath, .expect, .ask: false
        default: true
        }
    }
}
