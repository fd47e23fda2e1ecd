extension Timeline {
    /// Arguments of a `call` / `return` event, named as in the kernel.
    public func arguments(of seq: Int) -> [(name: String, value: UInt64)] {
        let e = events[seq]
        guard e.kind == .call || e.kind == .return, let fn = KernelFunction(rawValue: e.a) else { return [] }
        let start = Int(e.x)
        return fn.argumentNames.enumerated().map { ($1, args[start + $0]) }
    }

    /// The kernel function of a `call` / `return` event.
    public func function(of seq: Int) -> KernelFunction? {
        let e = events[seq]
        guard e.kind == .call || e.kind == .return else { return nil }
        return KernelFunction(rawValue: e.a)
    }

    /// The page index an event is about, if any (for breakpoints and the page grid).
    public func pageIndex(of seq: Int) -> Int? {
        let e = events[seq]
        switch e.kind {
        case .page, .pageAdd, .pageRemove, .r4wGetPage, .r4wPutPage: return Int(e.i)
        case .call:
            return arguments(of: seq).first { $0.name == "index" }.map { Int($0.value) }
        default: return nil
        }
    }

    /// The device an event is about, if any.
    public func device(of seq: Int) -> Int? {
        let e = events[seq]
        switch e.kind {
        case .devRead, .devWrite, .ioDone: return requests[Int(e.i)].dev
        case .xor: return parityUpdate(of: seq)?.parityDev
        default: return nil
        }
    }

    /// What an `xor` event recomputed: the stripe, its page rows, the parity device and,
    /// with RAID6, the Q device.
    public func parityUpdate(of seq: Int) -> (stripe: UInt64, rows: ClosedRange<Int>, parityDev: Int, qDev: Int?)? {
        let e = events[seq]
        guard e.kind == .xor else { return nil }
        let at = Int(e.x)
        let q = args[at + 5]
        return (args[at], Int(args[at + 1])...Int(args[at + 2]), Int(args[at + 3]), q == 0 ? nil : Int(q - 1))
    }

    /// Where a `kernel_bug` event happened.
    public func bugFunction(of seq: Int) -> KernelFunction? {
        events[seq].kind == .kernelBug ? KernelFunction(rawValue: events[seq].a) : nil
    }

    /// The text of a `command` (its scenario line), `note` or `violation`.
    public func message(of seq: Int) -> String? {
        let e = events[seq]
        switch e.kind {
        case .command: return scenario.lines[Int(e.x)].text
        case .note, .violation, .kernelBug: return strings[Int(e.x)]
        default: return nil
        }
    }

    /// The event's fields with their SPEC 7 names (without seq, kind and depth).
    public func fields(of seq: Int) -> [(String, JSONValue)] {
        let e = events[seq]
        switch e.kind {
        case .command, .note:
            return [("line", .int(Int64(e.i))), ("text", .string(message(of: seq)!))]
        case .call, .return:
            let args = arguments(of: seq).map { arg -> (String, JSONValue) in
                if arg.name == "sync" { return (arg.name, .bool(arg.value != 0)) }
                if arg.value == UInt64.max { return (arg.name, .null) }
                return (arg.name, .int(Int64(bitPattern: arg.value)))
            }
            return [("fn", .string(function(of: seq)!.name)), ("args", .object(args))]
        case .page:
            var pairs: [(String, JSONValue)] = [
                ("index", .int(Int64(e.i))),
                ("set", .array(PageFlags(rawValue: e.a & 0x7f).names.map(JSONValue.string))),
                ("clear", .array(PageFlags(rawValue: e.b).names.map(JSONValue.string))),
            ]
            if e.a & Event.tokenChanged != 0 { pairs.append(("token", .string(Token.hex(e.x)))) }
            return pairs
        case .pageAdd, .pageRemove:
            return [("index", .int(Int64(e.i)))]
        case .r4wGetPage:
            return [("index", .int(Int64(e.i))), ("uptodate", .bool(e.a & Event.uptodateBit != 0)),
                    ("source", .string(PageSource(rawValue: e.a & 0x7f)!.name))]
        case .r4wPutPage:
            return [("index", .int(Int64(e.i))), ("released", .bool(e.a & 1 != 0))]
        case .devRead, .devWrite:
            let request = requests[Int(e.i)]
            let extents = { (parity: Bool) in
                JSONValue.array(self.extents(of: request, parityOnly: parity).map {
                    .array([.int(Int64($0.offset)), .int(Int64($0.length))])
                })
            }
            if e.kind == .devRead {
                return [("dev", .int(Int64(request.dev))), ("extents", extents(false)),
                        ("purpose", .string(request.purpose.name))]
            }
            return [("dev", .int(Int64(request.dev))), ("extents", extents(false)), ("parity_extents", extents(true))]
        case .ioDone:
            let request = requests[Int(e.i)]
            return [("dev", .int(Int64(request.dev))), ("op", .string(request.isRead ? "read" : "write")),
                    ("error", .bool(e.a & 1 != 0))]
        case .xor:
            let update = parityUpdate(of: seq)!
            return [("stripe", .int(Int64(update.stripe))),
                    ("rows", .array([.int(Int64(update.rows.lowerBound)), .int(Int64(update.rows.upperBound))])),
                    ("parity_dev", .int(Int64(update.parityDev)))]
                + (update.qDev.map { [("q_dev", JSONValue.int(Int64($0)))] } ?? [])
        case .violation:
            return [("rule", .int(Int64(e.a))), ("detail", .string(strings[Int(e.x)]))]
        case .kernelBug:
            return [("fn", .string(bugFunction(of: seq)!.name)), ("detail", .string(strings[Int(e.x)]))]
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
        let e = events[seq]
        switch e.kind {
        case .command: return "line \(e.i): \(message(of: seq)!)"
        case .note: return "note: \(message(of: seq)!)"
        case .call, .return:
            let args = arguments(of: seq).map { arg in
                arg.value == UInt64.max ? "\(arg.name)=-" : "\(arg.name)=\(arg.value)"
            }.joined(separator: ", ")
            return (e.kind == .call ? "→ " : "← ") + "\(function(of: seq)!.name)(\(args))"
        case .page:
            var parts: [String] = []
            let set = PageFlags(rawValue: e.a & 0x7f), clear = PageFlags(rawValue: e.b)
            if !set.isEmpty { parts.append("+" + set.letters) }
            if !clear.isEmpty { parts.append("-" + clear.letters) }
            if e.a & Event.tokenChanged != 0 { parts.append("data " + Token.hex(e.x)) }
            return "page \(e.i) " + parts.joined(separator: " ")
        case .pageAdd: return "page \(e.i) added to the cache"
        case .pageRemove: return "page \(e.i) removed from the cache"
        case .r4wGetPage:
            let source = PageSource(rawValue: e.a & 0x7f)!
            return "get_page(\(e.i)) from \(source.name), \(e.a & Event.uptodateBit != 0 ? "uptodate" : "NOT uptodate: read it")"
        case .r4wPutPage:
            return "put_page(\(e.i))\(e.a & 1 != 0 ? "" : ", no reference to drop")"
        case .devRead, .devWrite:
            let request = requests[Int(e.i)]
            let moved = entries(of: request)
            let parity = extents(of: request, parityOnly: true)
            let verb = e.kind == .devRead ? "read (\(request.purpose.name))" : "write"
            let pages = moved.count == 1 ? "object page" : "object pages"
            let note = parity.isEmpty ? "" : moved.allSatisfy(\.isParity) ? " (parity)" : " (parity \(Self.pageRanges(parity)))"
            return "dev \(request.dev) \(verb) \(pages) \(Self.pageRanges(extents(of: request)))\(note)"
        case .ioDone:
            let request = requests[Int(e.i)]
            return "dev \(request.dev) \(request.isRead ? "read" : "write") done\(e.a & 1 != 0 ? ": I/O error" : "")"
        case .xor:
            let update = parityUpdate(of: seq)!
            let q = update.qDev.map { ", Q on dev \($0)" } ?? ""
            return "xor stripe \(update.stripe) rows \(update.rows.lowerBound)..\(update.rows.upperBound) → parity on dev \(update.parityDev)\(q)"
        case .violation:
            return "VIOLATION rule \(e.a): \(strings[Int(e.x)])"
        case .kernelBug:
            return "KERNEL BUG in \(bugFunction(of: seq)!.name): \(strings[Int(e.x)])"
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
