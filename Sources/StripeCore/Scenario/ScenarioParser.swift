/// Parses the scenario language of SPEC 4 into commands, with file, line and column
/// in every error.
public enum ScenarioParser {
    /// Parses `text`; `name` is the file name used in errors. Lines end with LF, CRLF or CR;
    /// a leading BOM is skipped; a control character anywhere is an error.
    public static func parse(_ text: String, name: String) throws(ScenarioError) -> Scenario {
        var scenario = Scenario(streaming: text, name: name)
        try scenario.parseRest()
        return scenario
    }

    /// What is wrong with a control character at `column`: in `title` or `note` text it
    /// would reach the terminal raw, so the message says so.
    static func controlMessage(_ character: String, column: Int, _ words: inout LineLexer) -> String {
        if let first = words.next(), ["title", "note", "ask"].contains(first.text),
           column > first.column + first.text.count, column <= words.commandColumns {
            return "control character \(character) in \(first.text) text; \(first.text)s are plain text"
        }
        return "control character \(character); scenarios are plain text"
    }

    /// What earlier lines set up, for the rules that span lines.
    struct Context: Sendable {
        var layout: OreLayout?
        var layoutLine = 0
        var profile = Profile.final
        var fileLine = 0
        var touched = false
        var md = false

        mutating func validate(_ command: Command, at word: Word, _ words: LineLexer) throws(ScenarioError) {
            switch command {
            case .layout(let l):
                guard layout == nil else {
                    throw words.error(at: word, "the layout is already set on line \(layoutLine); a scenario has one layout")
                }
                if l.raid == .raid6, !profile.era.hasRaid6 { throw Self.raid6NeedsFinal(word, words) }
                layout = l
                layoutLine = words.lineNumber
            case .profile(let p):
                if !p.era.hasRaid6, layout?.raid == .raid6 { throw Self.raid6NeedsFinal(word, words) }
                profile = p
            case .file:
                guard layout != nil else { throw needsLayout(word, words) }
                guard fileLine == 0 else {
                    throw words.error(at: word, "the file is already created on line \(fileLine); a scenario has one 'file' line")
                }
                guard !touched else {
                    throw words.error(at: word, "'file' must come before the commands that use the file")
                }
                fileLine = words.lineNumber
            case .writePath(let choice):
                guard let layout else { throw needsLayout(word, words) }
                guard !touched, fileLine == 0 else {
                    throw words.error(at: word, "'write-path' must come before 'file' and the commands that use the file")
                }
                if case .md = choice, let why = ScenarioParser.mdRejects(layout) { throw words.error(at: word, why) }
                md = choice != .ore
            case .resync:
                guard md else { throw words.error(at: word, "'resync' is md's; add 'write-path md' after the layout") }
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

        /// RAID6 came with the final ORE; 3.2 (`profile seed`) rejects it.
        private static func raid6NeedsFinal(_ word: Word, _ words: LineLexer) -> ScenarioError {
            words.error(at: word, "raid6 needs profile final: Linux 3.2's ore_verify_layout accepts only RAID 0/5")
        }

        private func needsLayout(_ word: Word, _ words: LineLexer) -> ScenarioError {
            words.error(at: word, "\(word.quoted) needs a layout first; add a line like 'layout raid5 devices=4 stripe-unit=16K' before it")
        }
    }

    static func parseCommand(_ word: Word, _ words: inout LineLexer, warnings: inout [String]) throws(ScenarioError) -> Command {
        switch word.text {
        case "title", "note":
            let text = words.rest()
            guard !text.isEmpty else { throw words.error(at: nil, "expected text after '\(word.text)'") }
            return word.text == "title" ? .title(text) : .note(text)
        case "profile":
            let value = try words.required("a profile, 'final' or 'seed'")
            guard let profile = Profile(rawValue: value.text) else {
                throw words.error(at: value, "expected a profile, 'final' or 'seed', found \(value.quoted)")
            }
            try words.end()
            return .profile(profile)
        case "layout":
            return .layout(try parseLayout(&words, warnings: &warnings))
        case "file":
            var args = try words.keyValues(allowed: ["size", "ino"])
            let size = try args.size("size", required: true, allowZero: true)!
            // Inodes 0 and 1 would be the super block and device table objects; 2 is the root directory.
            let ino = try args.number("ino", required: false, range: 2...(UInt64.max - ExofsObject.objOff)) ?? ExofsObject.defaultIno
            return .file(size: size, ino: ino)
        case "fsync":
            let args = try words.keyValues(allowed: ["range"])
            return .fsync(range: try args.pageRange("range"))
        case "cache":
            let range = try words.pageRange()
            var dirty = false
            if let flag = words.next() {
                guard flag.text == "dirty" else {
                    throw words.error(at: flag, "expected 'dirty' or the end of the line, found \(flag.quoted)")
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
        case "reclaim":
            var args = try words.keyValues(allowed: ["pages"])
            return .reclaim(pages: try args.integer("pages", required: true, range: 1...Limits.maxPageIndex)!)
        case "truncate":
            var args = try words.keyValues(allowed: ["size"])
            return .truncate(size: try args.size("size", required: true, allowZero: true)!)
        case "completions":
            let mode = try words.required("'auto' or 'manual'")
            guard mode.text == "auto" || mode.text == "manual" else {
                throw words.error(at: mode, "expected 'auto' or 'manual', found \(mode.quoted)")
            }
            try words.end()
            return .completions(manual: mode.text == "manual")
        case "complete":
            guard let what = words.next() else { return .complete(nil) }
            try words.end()
            if what.text == "all" { return .complete(nil) }
            return .complete(try words.positiveCount(what, max: Int.max, expected: "expected 'all' or a positive count", name: "complete "))
        case "fail", "repair":
            var args = try words.keyValues(allowed: ["dev"])
            let dev = try args.integer("dev", required: true, range: 0...(Limits.maxDevices - 1))!
            return word.text == "fail" ? .fail(dev: dev) : .repair(dev: dev)
        case "set":
            return .set(try parseSet(&words))
        case "check":
            try words.end()
            return .check
        case "write-path":
            return try parseWritePath(&words)
        case "resync":
            try words.end()
            return .resync
        case "powercut":
            return .powercut(try parsePowercut(&words))
        case "expect":
            return .expect(try ClaimParser.parse(&words))
        case "ask":
            return .ask(try parseQuestion(&words))
        default:
            throw words.error(at: word, "unknown command \(word.quoted); expected one of title, note, profile, layout, file, cache, write, write-bytes, read, writepages, fsync, evict, reclaim, truncate, completions, complete, fail, repair, set, check, write-path, resync, powercut, expect, ask")
        }
    }

    private static func parseLayout(_ words: inout LineLexer, warnings: inout [String]) throws(ScenarioError) -> OreLayout {
        let levels = "a RAID level, 'raid0', 'raid5' or 'raid6'"
        let raidWord = try words.required(levels)
        guard let raid = RaidLevel(rawValue: raidWord.text) else {
            throw words.error(at: raidWord, "expected \(levels), found \(raidWord.quoted)")
        }
        var args = try words.keyValues(allowed: ["devices", "stripe-unit", "mirrors", "group-width", "group-depth"])
        let devices = try args.integer("devices", required: true, range: 1...Limits.maxDevices)!
        let stripeUnit = try args.size("stripe-unit", required: true)!
        let mirrors = try args.integer("mirrors", required: false, range: 1...Limits.maxDevices) ?? 1
        let width = try args.integer("group-width", required: false, range: 1...Limits.maxDevices)
        let depth = try args.integer("group-depth", required: false, range: 1...Int(UInt32.max)).map(UInt64.init)
        let layout: OreLayout
        do {
            layout = try OreLayout(raid: raid, devices: devices, stripeUnit: stripeUnit, mirrors: mirrors,
                                   groupWidth: width, groupDepth: depth)
        } catch {
            let at = error.parameter == "group-depth" ? args.word(for: "group-depth") ?? args.word(for: "group-width") : args.word(for: error.parameter)
            throw words.error(at: at ?? args.word(for: "devices") ?? raidWord, error.description)
        }
        if let notice = OreLayout.ignoredDepthNotice(groupWidth: width, groupDepth: depth), let at = args.word(for: "group-depth") {
            warnings.append(words.error(at: at, notice).description)
        }
        return layout
    }

    private static func parseWritepages(_ words: inout LineLexer) throws(ScenarioError) -> Command {
        var sync = true
        var range: PageRange?
        var nr: Int?
        // The sync word given, if any: a second one contradicts or repeats it.
        var syncWord: Word?
        while let word = words.next() {
            switch word.text {
            case "sync", "nosync":
                if let first = syncWord {
                    throw words.error(at: word, first.text == word.text ? "'\(word.text)' is given twice"
                        : "'\(word.text)' contradicts '\(first.text)' at column \(first.column); give one of them")
                }
                syncWord = word
                sync = word.text == "sync"
            default:
                guard let eq = word.text.firstIndex(of: "=") else {
                    throw words.error(at: word, "expected 'sync', 'nosync', 'range=A..B' or 'nr=N', found \(word.quoted)")
                }
                let key = word.text[..<eq]
                let value = Word(text: String(word.text[word.text.index(after: eq)...]),
                                 column: word.column + key.count + 1)
                switch key {
                case "range": range = try words.pageRange(value)
                case "nr":
                    nr = try words.positiveCount(value, max: Int.max, expected: "expected a positive page count for nr", name: "nr=")
                default:
                    throw words.error(at: word, "unknown writepages option \(key.quotedExcerpt); expected sync, nosync, range= or nr=")
                }
            }
        }
        return .writepages(sync: sync, range: range, nrToWrite: nr)
    }

    /// `powercut [landed=all|none|REQ[:PAGES],...] [granularity=request|page]`; `REQ:PAGES`
    /// (the first PAGES pages of request REQ) needs `granularity=page`.
    private static func parsePowercut(_ words: inout LineLexer) throws(ScenarioError) -> Powercut {
        let args = try words.keyValues(allowed: ["landed", "granularity"])
        var cut = Powercut()
        if let value = args.pairs["granularity"]?.value {
            guard let granularity = CrashGranularity(rawValue: value.text) else {
                throw words.error(at: value, "expected 'request' or 'page' for granularity, found \(value.quoted)")
            }
            cut.granularity = granularity
        }
        guard let value = args.pairs["landed"]?.value else { return cut }
        switch value.text {
        case "all": cut.landed = .all
        case "none": cut.landed = .none
        default:
            var list: [(request: Int, pages: Int?)] = []
            var column = value.column
            for item in value.text.split(separator: ",", omittingEmptySubsequences: false) {
                let word = Word(text: String(item), column: column)
                column += item.count + 1
                let parts = item.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                func number(_ text: Substring) -> Int? {
                    guard !text.isEmpty, text.count <= 9, text.allSatisfy(\.isASCIIDigit) else { return nil }
                    return Int(text)
                }
                guard let request = number(parts[0]) else {
                    throw words.error(at: word, "expected 'all', 'none' or request ids like 3,5 (3:2 for its first 2 pages with granularity=page) for landed, found \(word.quoted)")
                }
                var pages: Int?
                if parts.count == 2 {
                    guard cut.granularity == .page else {
                        throw words.error(at: word, "\(word.quoted) lands part of a request; that needs granularity=page")
                    }
                    guard let n = number(parts[1]) else {
                        throw words.error(at: word, "expected a page count after ':' in \(word.quoted), like 3:2")
                    }
                    pages = n
                }
                guard !list.contains(where: { $0.request == request }) else {
                    throw words.error(at: word, "request \(request) is named twice in landed")
                }
                list.append((request, pages))
            }
            cut.landed = .some(list)
        }
        return cut
    }

    private static func parseSet(_ words: inout LineLexer) throws(ScenarioError) -> SetOption {
        let word = try words.required("KEY=VALUE")
        try words.end()
        guard let eq = word.text.firstIndex(of: "=") else {
            throw words.error(at: word, "expected KEY=VALUE (\(SetOption.keys.joined(separator: ", "))), found \(word.quoted)")
        }
        let key = String(word.text[..<eq])
        guard SetOption.keys.contains(key) else {
            throw words.error(at: word, "unknown setting \(key.quotedExcerpt); expected one of \(SetOption.keys.joined(separator: ", "))")
        }
        let value = Word(text: String(word.text[word.text.index(after: eq)...]), column: word.column + key.count + 1)
        switch key {
        case "max-io-pages":
            return .maxIOPages(try words.positiveCount(value, max: 1 << 20, expected: "expected a page count from 1 to 1048576 for max-io-pages",
                                                       name: "max-io-pages="))
        case "pump":
            guard let mode = PumpMode(rawValue: value.text) else {
                throw words.error(at: value, "expected 'twice' or 'loop' for pump, found \(value.quoted)")
            }
            return .pump(mode)
        case "placement":
            guard let profile = Profile(rawValue: value.text) else {
                throw words.error(at: value, "expected 'final' or 'seed' for placement, found \(value.quoted)")
            }
            return .placement(profile)
        default:
            break
        }
        let on: Bool
        switch value.text {
        case "on": on = true
        case "off": on = false
        default: throw words.error(at: value, "expected 'on' or 'off' for \(key), found \(value.quoted)")
        }
        switch key {
        case "writepage": return .writepage(on)
        case "locked-page": return .lockedPage(on)
        case "r4w": return .r4w(on)
        default: return .dirtyUptodate(on)
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing white space.
    var trimmed: String {
        var s = self[...]
        while let f = s.first, f.isScenarioSpace { s = s.dropFirst() }
        while let l = s.last, l.isScenarioSpace { s = s.dropLast() }
        return String(s)
    }
}

extension Character {
    /// `isWhitespace`, answered without Unicode tables for ASCII (nearly every character
    /// of a scenario): TAB to CR and the space.
    @inline(__always) var isScenarioSpace: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (0x09...0x0D).contains(ascii) }
        return isWhitespace
    }

    /// `isASCII && isNumber`, without Unicode tables: 0 to 9.
    @inline(__always) var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}
