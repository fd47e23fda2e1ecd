extension Timeline {
    /// Arguments of a `call` / `return` event, named as in the kernel.
    public func arguments(of seq: Int) -> [(name: String, value: UInt64)] {
        switch payload(of: seq) {
        case .call(let call), .return(let call): call.arguments
        default: []
        }
    }

    /// The device an event is about, if any.
    public func device(of seq: Int) -> Int? { payload(of: seq).device }

    /// The text of a `command` (its scenario line), `note` or `violation`.
    public func message(of seq: Int) -> String? {
        switch payload(of: seq) {
        case .command(_, let text, _), .note(_, let text): text
        case .violation(_, let detail), .kernelBug(_, let detail): detail
        default: nil
        }
    }

    /// The event's fields with their SPEC 7 names (without seq, kind and depth).
    public func fields(of seq: Int) -> [(String, JSONValue)] {
        switch payload(of: seq) {
        case .command(let line, let text, _), .note(let line, let text):
            return [("line", .int(Int64(line))), ("text", .string(text))]
        case .call(let call), .return(let call):
            let args = call.arguments.map { arg -> (String, JSONValue) in
                if arg.name == "sync" { return (arg.name, .bool(arg.value != 0)) }
                if arg.value == UInt64.max { return (arg.name, .null) }
                return (arg.name, .int(Int64(bitPattern: arg.value)))
            }
            return [("fn", .string(call.function.name)), ("args", .object(args))]
        case .page(let change):
            var pairs: [(String, JSONValue)] = [
                ("index", .int(Int64(change.index))),
                ("set", .array(change.set.names.map(JSONValue.string))),
                ("clear", .array(change.clear.names.map(JSONValue.string))),
            ]
            if let token = change.token { pairs.append(("token", .string(Token.hex(token)))) }
            return pairs
        case .pageAdd(let index), .pageRemove(let index):
            return [("index", .int(Int64(index)))]
        case .r4wGetPage(let get):
            return [("index", .int(Int64(get.index))), ("uptodate", .bool(get.uptodate)), ("source", .string(get.source.name))]
        case .r4wPutPage(let index, let released):
            return [("index", .int(Int64(index))), ("released", .bool(released))]
        case .devRead(let submitted), .devWrite(let submitted):
            let request = submitted.request
            let extents = { (parity: Bool) in
                JSONValue.array(self.extents(of: request, parityOnly: parity).map {
                    .array([.int(Int64($0.offset)), .int(Int64($0.length))])
                })
            }
            if request.isRead {
                return [("dev", .int(Int64(request.dev))), ("extents", extents(false)),
                        ("purpose", .string(request.purpose.name))]
            }
            return [("dev", .int(Int64(request.dev))), ("extents", extents(false)), ("parity_extents", extents(true))]
        case .ioDone(let done):
            return [("dev", .int(Int64(done.request.dev))), ("op", .string(done.request.isRead ? "read" : "write")),
                    ("error", .bool(done.error))]
        case .xor(let update):
            return [("stripe", .int(Int64(update.stripe))),
                    ("rows", .array([.int(Int64(update.rows.lowerBound)), .int(Int64(update.rows.upperBound))])),
                    ("parity_dev", .int(Int64(update.parityDev)))]
                + (update.qDev.map { [("q_dev", JSONValue.int(Int64($0)))] } ?? [])
        case .violation(let rule, let detail):
            return [("rule", .int(Int64(rule))), ("detail", .string(detail))]
        case .kernelBug(let fn, let detail):
            return [("fn", .string(fn.name)), ("detail", .string(detail))]
        case .mdDecision(let d):
            let disks = d.disks.map { disk -> JSONValue in
                .object([("dev", .int(Int64(disk.dev))), ("role", .string(disk.role.rawValue)), ("state", .string(disk.state.rawValue)),
                         ("overwrite", .bool(disk.overwrite)), ("uptodate", .bool(disk.uptodate)), ("locked", .bool(disk.locked))])
            }
            return [("row", .int(Int64(d.row))), ("disks", .array(disks)), ("rmw", .int(Int64(d.rmw))), ("rcw", .int(Int64(d.rcw))),
                    ("choice", .string(d.choice.rawValue)), ("reads", .array(d.reads.map { .int(Int64($0)) }))]
        case .powercut(let loss):
            return [("landed", .array(loss.landed.map { .object([("id", .int(Int64($0.id))), ("pages", .int(Int64($0.landedPages)))]) })),
                    ("lost", .array(loss.lost.map { .int(Int64($0.id)) }))]
        case .claimFailed(let line, let claim, let actual):
            return [("line", .int(Int64(line))), ("claim", .string(claim)), ("actual", .string(actual))]
        }
    }

    /// One JSON object for event `seq` (a line of `trace --format jsonl`).
    public func json(of seq: Int) -> String {
        let e = events[seq]
        let head: [(String, JSONValue)] = [("seq", .int(Int64(seq))), ("kind", .string(e.kind.name)),
                                            ("depth", .int(Int64(e.depth)))]
        return JSONValue.object(head + fields(of: seq)).encoded
    }

    /// A short human description of event `seq`, without indentation.
    public func summary(of seq: Int) -> String {
        switch payload(of: seq) {
        case .command(let line, let text, _):
            // A note's text is the next event's line: say it once.
            return text.hasPrefix("note ") ? "line \(line): note" : "line \(line): \(text)"
        case .note(_, let text): return "note: \(text)"
        case .call(let call): return "→ " + call.description
        case .return(let call): return "← " + call.description
        case .page(let change):
            var parts: [String] = []
            if !change.set.isEmpty { parts.append("+" + change.set.letters) }
            if !change.clear.isEmpty { parts.append("-" + change.clear.letters) }
            if let token = change.token { parts.append("data " + Token.hex(token)) }
            return "page \(change.index) " + parts.joined(separator: " ")
        case .pageAdd(let index): return "page \(index) added to the cache"
        case .pageRemove(let index): return "page \(index) removed from the cache"
        case .r4wGetPage(let get): return "get_page(\(get.index)) → \(get.result)"
        case .r4wPutPage(let index, let released):
            return "put_page(\(index))\(released ? "" : ", no reference to drop")"
        case .devRead(let submitted), .devWrite(let submitted):
            let request = submitted.request
            let moved = entries(of: request)
            let parity = extents(of: request, parityOnly: true)
            let verb = request.isRead ? "read (\(request.purpose.name))" : "write"
            let pages = moved.count == 1 ? "object page" : "object pages"
            let note = parity.isEmpty ? "" : moved.allSatisfy(\.isParity) ? " (parity)" : " (parity \(Self.pageRanges(parity)))"
            return "dev \(request.dev) \(verb) \(pages) \(Self.pageRanges(extents(of: request)))\(note)"
        case .ioDone(let done):
            return "dev \(done.request.dev) \(done.request.isRead ? "read" : "write") done\(done.error ? ": I/O error" : "")"
        case .xor(let update):
            return "xor stripe \(update.stripe) rows \(update.rows.lowerBound)..\(update.rows.upperBound) → parity on dev \(update.parityDev)" + (update.qDev.map { ", Q on dev \($0)" } ?? "")
        case .violation(let rule, let detail):
            return "VIOLATION rule \(rule): \(detail)"
        case .kernelBug(let fn, let detail):
            return "KERNEL BUG in \(fn.name): \(detail)"
        case .mdDecision(let d):
            let blocks = d.disks.map { "\($0.role == .data ? "d" : $0.role.rawValue)\($0.dev):\($0.state.rawValue)" }.joined(separator: " ")
            let reads = d.reads.isEmpty ? "no reads" : "reads dev " + d.reads.map(String.init).joined(separator: ", ")
            return "md_decision row \(d.row): rmw=\(d.rmw) rcw=\(d.rcw) → \(d.choice.rawValue), \(reads) [\(blocks)]"
        case .powercut(let loss):
            func name(_ fate: EventPayload.PowerLoss.Fate) -> String {
                let whole = fate.landedPages == fate.request.entries.count
                return "\(fate.request.isRead ? "read" : "write") \(fate.id) (dev \(fate.request.dev)\(whole || fate.landedPages == 0 ? "" : ", \(fate.landedPages) of \(fate.request.entries.count) pages"))"
            }
            let landed = loss.landed.isEmpty ? "nothing in flight landed" : "landed: " + loss.landed.map(name).joined(separator: ", ")
            let lost = loss.lost.isEmpty ? "" : "; lost: " + loss.lost.map(name).joined(separator: ", ")
            return "POWER CUT: \(landed)\(lost); the page cache is gone"
        case .claimFailed(let line, let claim, let actual):
            return "CLAIM FAILED line \(line): expect \(claim), but \(actual)"
        }
    }

    /// `trace --format text` line: the seq, then the summary indented by call depth.
    public func text(of seq: Int) -> String {
        let number = String(seq)
        let pad = String(repeating: " ", count: max(0, 7 - number.count))
        return pad + number + "  " + String(repeating: "  ", count: Int(events[seq].depth)) + summary(of: seq)
    }

    /// Byte extents as object page ranges: "4", "0..3, 8..9", and the bytes of a
    /// partial page: "1 (bytes 2048..4095)".
    static func pageRanges(_ extents: [(offset: UInt64, length: UInt64)]) -> String {
        extents.map { extent in
            let first = extent.offset / pageSize, last = (extent.offset + extent.length - 1) / pageSize
            guard first == last else { return "\(first)..\(last)" }
            let from = extent.offset % pageSize, to = from + extent.length - 1
            return extent.length == pageSize ? "\(first)" : "\(first) (bytes \(from)..\(to))"
        }.joined(separator: ", ")
    }
}

extension EventPayload.KernelCall: CustomStringConvertible {
    /// `writepage_strip(index=7)`, `writepages(sync=1, range_end=-)`: named arguments.
    public var description: String {
        let args = arguments.map { $0.value == UInt64.max ? "\($0.name)=-" : "\($0.name)=\($0.value)" }
        return "\(function.name)(\(args.joined(separator: ", ")))"
    }
}

extension EventPayload.GetPage {
    /// What `get_page` returned: "cache page, uptodate", "created page, NOT uptodate: read it".
    public var result: String {
        switch source {
        case .zero, .locked: source.returned
        case .cache, .created: source.returned + (uptodate ? ", uptodate" : ", NOT uptodate: read it")
        }
    }
}

extension Timeline {
    /// Where a `kernel_bug` event happened.
    public func bugFunction(of seq: Int) -> KernelFunction? {
        if case .kernelBug(let fn, _) = payload(of: seq) { return fn }
        return nil
    }
}
