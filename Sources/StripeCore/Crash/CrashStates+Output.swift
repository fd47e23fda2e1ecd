extension CrashStates {
    /// SPEC 11's object: `event`, `in_flight` (the writes), `states`; besides them
    /// `granularity`, `total_states` (a number; null past 2⁶³) and `order`, so a reader knows which
    /// states a capped list holds.
    public var json: JSONValue {
        func ints(_ values: [Int]) -> JSONValue { .array(values.map { .int(Int64($0)) }) }
        func extents(_ list: [(offset: UInt64, length: UInt64)]) -> JSONValue {
            .array(list.map { .array([.int(Int64($0.offset)), .int(Int64($0.length))]) })
        }
        let inFlight = writes.map { write -> JSONValue in
            .object([("id", .int(Int64(write.id))), ("dev", .int(Int64(write.request.dev))),
                     ("extents", extents(Self.extents(write.entries, parityOnly: false))),
                     ("parity_extents", extents(Self.extents(write.entries, parityOnly: true)))])
        }
        let list = states.map { state -> JSONValue in
            let landed: JSONValue = granularity == .request
                ? ints(state.landed.map(\.id))
                : .array(state.landed.map { .object([("id", .int(Int64($0.id))), ("pages", .int(Int64($0.pages)))]) })
            let rows = state.inconsistentRows.map { JSONValue.object([("stripe", .int(Int64($0.stripe))), ("row", .int(Int64($0.row)))]) }
            let degraded = state.degraded.map { d -> JSONValue in
                .object([("failed_dev", .int(Int64(d.failedDev))),
                         ("ore", .object([("eio_pages", ints(d.oreEIO))])),
                         ("md", .object([("wrong_pages", ints(d.mdWrong)), ("eio_pages", ints(d.mdEIO))]))])
            }
            return .object([("landed", landed), ("inconsistent_rows", .array(rows)), ("degraded", .array(degraded))])
        }
        return .object([("event", .int(Int64(event))), ("granularity", .string(granularity.rawValue)),
                        ("total_states", total.flatMap { Int64(exactly: $0) }.map(JSONValue.int) ?? .null), ("order", .string(order)),
                        ("in_flight", .array(inFlight)), ("states", .array(list))])
    }

    /// The order the states come in, in words.
    public var order: String {
        granularity == .request
            ? "state n lands write i (by id, in_flight order) when bit i of n is set"
            : "state n lands the first d_i pages of write i, n = d_0 + (p_0+1)·(d_1 + (p_1+1)·(d_2 + …)), p_i its page count"
    }

    /// How many states there are, as people read it.
    public var totalDescription: String {
        let count = total.map(String.init) ?? "more than 2^64"
        let shown = UInt64(self.count) == total ? "" : "; the first \(self.count) are listed"
        return "\(count) crash state\(total == 1 ? "" : "s")\(shown)"
    }

    /// For people: the writes in flight, then one block per state.
    public var text: String {
        var lines = ["power cut after event \(event): \(writes.count) write\(writes.count == 1 ? "" : "s") in flight, \(totalDescription) (granularity \(granularity.rawValue); \(order))"]
        for write in writes {
            let parity = Self.extents(write.entries, parityOnly: true)
            let note = parity.isEmpty ? "" : write.entries.allSatisfy(\.isParity) ? " (parity)" : " (parity \(Timeline.pageRanges(parity)))"
            lines.append("  write \(write.id): dev \(write.request.dev) object page\(write.entries.count == 1 ? "" : "s") \(Timeline.pageRanges(Self.extents(write.entries, parityOnly: false)))\(note)")
        }
        for (n, state) in states.enumerated() {
            let landed = state.landed.isEmpty ? "none" : state.landed.map { landing in
                let whole = writes.first { $0.id == landing.id }!.entries.count == landing.pages
                return whole ? "write \(landing.id)" : "write \(landing.id) (\(landing.pages) page\(landing.pages == 1 ? "" : "s"))"
            }.joined(separator: ", ")
            let rows = state.inconsistentRows.isEmpty ? "parity consistent" : "stale parity rows " + state.inconsistentRows.map { "s\($0.stripe) r\($0.row)" }.joined(separator: ", ")
            lines.append("state \(n): landed \(landed); \(rows)")
            for d in state.degraded {
                var parts = ["ORE -EIO \(Self.pages(d.oreEIO))", "md wrong \(Self.pages(d.mdWrong))"]
                if !d.mdEIO.isEmpty { parts.append("md -EIO \(Self.pages(d.mdEIO))") }
                lines.append("  dev \(d.failedDev) fails: " + parts.joined(separator: ", "))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func pages(_ list: [Int]) -> String {
        guard !list.isEmpty else { return "none" }
        var ranges: [String] = []
        var start = list[0], last = list[0]
        for page in list.dropFirst() + [Int.min] {
            if page == last + 1 { last = page; continue }
            ranges.append(start == last ? "\(start)" : "\(start)..\(last)")
            start = page
            last = page
        }
        return ranges.joined(separator: ", ")
    }

    /// Object byte extents of `entries`, contiguous pages merged (`Timeline.extents`'s rule).
    static func extents(_ entries: ArraySlice<RequestEntry>, parityOnly: Bool) -> [(offset: UInt64, length: UInt64)] {
        Timeline.extents(of: entries, parityOnly: parityOnly)
    }
}
