/// Parses the scenario language of SPEC 4 into commands, with file, line and column
/// in every error.
public enum ScenarioParser {
    /// Parses `text`; `name` is the file name used in errors.
    public static func parse(_ text: String, name: String) throws(ScenarioError) -> Scenario {
        var lines: [ScenarioLine] = []
        var context = Context()
        var lineNumber = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let lineText = raw.hasSuffix("\r") ? raw.dropLast() : raw
            var words = LineLexer(line: lineText, lineNumber: lineNumber, file: name)
            guard let word = try words.next() else { continue }
            let command = try parseCommand(word, &words)
            try context.validate(command, at: word, words)
            lines.append(ScenarioLine(line: lineNumber, text: String(lineText).trimmed, command: command))
        }
        return Scenario(name: name, lines: lines)
    }

    /// What earlier lines set up, for the rules that span lines.
    private struct Context {
        var layout: OreLayout?
        var layoutLine = 0
        var fileLine = 0
        var touched = false

        mutating func validate(_ command: Command, at word: Word, _ words: LineLexer) throws(ScenarioError) {
            switch command {
            case .layout(let l):
                guard layout == nil else {
                    throw words.error(at: word, "the layout is already set on line \(layoutLine); a scenario has one layout")
                }
                layout = l
                layoutLine = words.lineNumber
            case .file:
                guard layout != nil else { throw needsLayout(word, words) }
                guard fileLine == 0 else {
                    throw words.error(at: word, "the file is already created on line \(fileLine); a scenario has one 'file' line")
                }
                guard !touched else {
                    throw words.error(at: word, "'file' must come before the commands that use the file")
                }
                fileLine = words.lineNumber
            case .fail(let dev), .repair(let dev):
                guard let layout else { throw needsLayout(word, words) }
                guard dev < layout.devices else {
                    throw words.error(at: word, "dev=\(dev) does not exist; the layout has devices 0..\(layout.devices - 1)")
                }
            default:
                if command.needsLayout {
                    guard layout != nil else { throw needsLayout(word, words) }
                    touched = true
                }
            }
        }

        private func needsLayout(_ word: Word, _ words: LineLexer) -> ScenarioError {
            words.error(at: word, "'\(word.text)' needs a layout first; add a line like 'layout raid5 devices=4 stripe-unit=16K' before it")
        }
    }

    private static func parseCommand(_ word: Word, _ words: inout LineLexer) throws(ScenarioError) -> Command {
        switch word.text {
        case "title", "note":
            let text = words.rest()
            guard !text.isEmpty else { throw words.error(at: nil, "expected text after '\(word.text)'") }
            return word.text == "title" ? .title(text) : .note(text)
        case "profile":
            let value = try words.required("a profile, 'final' or 'seed'")
            guard let profile = Profile(rawValue: value.text) else {
                throw words.error(at: value, "expected a profile, 'final' or 'seed', found '\(value.text)'")
            }
            try words.end()
            return .profile(profile)
        case "layout":
            return .layout(try parseLayout(&words))
        case "file":
            var args = try words.keyValues(allowed: ["size", "ino"])
            let size = try args.size("size", required: true, allowZero: true)!
            let ino = try args.integer("ino", required: false, range: 0...Int(UInt32.max)) ?? 3
            return .file(size: size, ino: UInt64(ino))
        case "cache":
            let range = try words.pageRange()
            var dirty = false
            if let flag = try words.next() {
                guard flag.text == "dirty" else {
                    throw words.error(at: flag, "expected 'dirty' or the end of the line, found '\(flag.text)'")
                }
                dirty = true
            }
            try words.end()
            return .cache(range, dirty: dirty)
        case "write", "read", "evict":
            let range = try words.pageRange()
            try words.end()
            switch word.text {
            case "write": return .write(range)
            case "read": return .read(range)
            default: return .evict(range)
            }
        case "write-bytes":
            var args = try words.keyValues(allowed: ["offset", "length"])
            let offset = try args.size("offset", required: true, allowZero: true)!
            let length = try args.size("length", required: true)!
            guard offset + length <= Limits.maxFileSize else {
                throw words.error(at: word, "write-bytes ends past the largest file StripeScope models (16G)")
            }
            return .writeBytes(offset: offset, length: length)
        case "writepages":
            return try parseWritepages(&words)
        case "fsync":
            var args = try words.keyValues(allowed: ["range"])
            return .fsync(range: try args.pageRange("range"))
        case "reclaim":
            var args = try words.keyValues(allowed: ["pages"])
            return .reclaim(pages: try args.integer("pages", required: true, range: 1...Limits.maxPageIndex)!)
        case "truncate":
            var args = try words.keyValues(allowed: ["size"])
            return .truncate(size: try args.size("size", required: true, allowZero: true)!)
        case "completions":
            let mode = try words.required("'auto' or 'manual'")
            guard mode.text == "auto" || mode.text == "manual" else {
                throw words.error(at: mode, "expected 'auto' or 'manual', found '\(mode.text)'")
            }
            try words.end()
            return .completions(manual: mode.text == "manual")
        case "complete":
            guard let what = try words.next() else { return .complete(nil) }
            try words.end()
            if what.text == "all" { return .complete(nil) }
            guard let n = Int(what.text), n > 0 else {
                throw words.error(at: what, "expected 'all' or a positive count, found '\(what.text)'")
            }
            return .complete(n)
        case "fail", "repair":
            var args = try words.keyValues(allowed: ["dev"])
            let dev = try args.integer("dev", required: true, range: 0...(Limits.maxDevices - 1))!
            return word.text == "fail" ? .fail(dev: dev) : .repair(dev: dev)
        case "set":
            return .set(try parseSet(&words))
        case "check":
            try words.end()
            return .check
        default:
            throw words.error(at: word, "unknown command '\(word.text)'; expected one of title, note, profile, layout, file, cache, write, write-bytes, read, writepages, evict, reclaim, truncate, completions, complete, fail, repair, set, check")
        }
    }

    private static func parseLayout(_ words: inout LineLexer) throws(ScenarioError) -> OreLayout {
        let raidWord = try words.required("a RAID level, 'raid0' or 'raid5'")
        guard let raid = RaidLevel(rawValue: raidWord.text) else {
            throw words.error(at: raidWord, "expected a RAID level, 'raid0' or 'raid5', found '\(raidWord.text)'")
        }
        var args = try words.keyValues(allowed: ["devices", "stripe-unit", "mirrors", "group-width", "group-depth"])
        let devices = try args.integer("devices", required: true, range: 1...Limits.maxDevices)!
        let stripeUnit = try args.size("stripe-unit", required: true)!
        let mirrors = try args.integer("mirrors", required: false, range: 1...Limits.maxDevices) ?? 1
        let width = try args.integer("group-width", required: false, range: 1...Limits.maxDevices)
        let depth = try args.integer("group-depth", required: false, range: 1...Int(UInt32.max))
        do {
            return try OreLayout(raid: raid, devices: devices, stripeUnit: stripeUnit, mirrors: mirrors,
                                 groupWidth: width, groupDepth: depth.map(UInt64.init))
        } catch {
            throw words.error(at: args.word(for: error.parameter) ?? args.word(for: "devices") ?? raidWord, error.description)
        }
    }

    private static func parseWritepages(_ words: inout LineLexer) throws(ScenarioError) -> Command {
        var sync = true
        var range: PageRange?
        var nr: Int?
        while let word = try words.next() {
            switch word.text {
            case "sync": sync = true
            case "nosync": sync = false
            default:
                guard let eq = word.text.firstIndex(of: "=") else {
                    throw words.error(at: word, "expected 'sync', 'nosync', 'range=A..B' or 'nr=N', found '\(word.text)'")
                }
                let key = word.text[..<eq]
                let value = Word(text: String(word.text[word.text.index(after: eq)...]),
                                 column: word.column + key.count + 1)
                switch key {
                case "range": range = try words.pageRange(value)
                case "nr":
                    guard let n = Int(value.text), n > 0 else {
                        throw words.error(at: value, "expected a positive page count for nr, found '\(value.text)'")
                    }
                    nr = n
                default:
                    throw words.error(at: word, "unknown writepages option '\(key)'; expected sync, nosync, range= or nr=")
                }
            }
        }
        return .writepages(sync: sync, range: range, nrToWrite: nr)
    }

    private static func parseSet(_ words: inout LineLexer) throws(ScenarioError) -> SetOption {
        let word = try words.required("KEY=VALUE")
        try words.end()
        guard let eq = word.text.firstIndex(of: "=") else {
            throw words.error(at: word, "expected KEY=VALUE (writepage, locked-page, r4w, dirty-uptodate, max-io-pages), found '\(word.text)'")
        }
        let key = String(word.text[..<eq])
        let value = Word(text: String(word.text[word.text.index(after: eq)...]), column: word.column + key.count + 1)
        if key == "max-io-pages" {
            guard let n = Int(value.text), n > 0, n <= 1 << 20 else {
                throw words.error(at: value, "expected a page count from 1 to 1048576 for max-io-pages, found '\(value.text)'")
            }
            return .maxIOPages(n)
        }
        if key == "pump" {
            guard let mode = PumpMode(rawValue: value.text) else {
                throw words.error(at: value, "expected 'twice' or 'loop' for pump, found '\(value.text)'")
            }
            return .pump(mode)
        }
        if key == "placement" {
            guard let era = Profile(rawValue: value.text) else {
                throw words.error(at: value, "expected 'final' or 'seed' for placement, found '\(value.text)'")
            }
            return .placement(era)
        }
        let on: Bool
        switch value.text {
        case "on": on = true
        case "off": on = false
        default: throw words.error(at: value, "expected 'on' or 'off' for \(key), found '\(value.text)'")
        }
        switch key {
        case "writepage": return .writepage(on)
        case "locked-page": return .lockedPage(on)
        case "r4w": return .r4w(on)
        case "dirty-uptodate": return .dirtyUptodate(on)
        default:
            throw words.error(at: word, "unknown setting '\(key)'; expected writepage, locked-page, r4w, dirty-uptodate or max-io-pages")
        }
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
