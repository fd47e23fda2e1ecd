/// The events of the timeline by what they are about, appended as the engine records
/// them: a view asks for the events of one page, or of the object pages and file pages
/// on screen, instead of walking the timeline. Each list holds ascending sequence
/// numbers, so the events up to any cursor are a binary search away.
struct EventIndex {
    /// Object pages per bucket of `submissions`, file pages per bucket of `getPages`:
    /// fixed, so a layout change does not re-bucket (lookups filter what they find).
    static let objectPagesPerBucket = 16
    static let filePagesPerBucket = 64

    /// For each page, the events about it (`Timeline.pageIndex(of:)`).
    private(set) var byPage: [[UInt32]] = []
    /// For each bucket of object pages, the `dev_read` / `dev_write` events whose
    /// request moves a page there (on any device).
    private(set) var submissions: [[UInt32]] = []
    /// For each bucket of file pages, the r4w `get_page` events of a page there.
    private(set) var getPages: [[UInt32]] = []

    mutating func record(_ seq: Int, page: Int?, kind: EventKind, request: IORequest?, entries: ArraySlice<RequestEntry>) {
        if let page {
            Self.append(seq, at: page, to: &byPage)
            if kind == .r4wGetPage { Self.append(seq, at: page / Self.filePagesPerBucket, to: &getPages) }
        }
        guard request != nil else { return }
        var last = -1
        for entry in entries {
            let bucket = Int(entry.objPage) / Self.objectPagesPerBucket
            if bucket != last { Self.append(seq, at: bucket, to: &submissions) }
            last = bucket
        }
    }

    private static func append(_ seq: Int, at slot: Int, to lists: inout [[UInt32]]) {
        if slot >= lists.count { lists.append(contentsOf: repeatElement([], count: slot + 1 - lists.count)) }
        // A request's pages may leave and come back to a bucket: one entry each.
        if lists[slot].last != UInt32(seq) { lists[slot].append(UInt32(seq)) }
    }

    /// The events of `list` in `range`, ascending.
    static func events(_ list: [UInt32], in range: ClosedRange<Int>) -> ArraySlice<UInt32> {
        list[lowerBound(list, range.lowerBound)..<lowerBound(list, range.upperBound + 1)]
    }

    private static func lowerBound(_ list: [UInt32], _ seq: Int) -> Int {
        list.partitionPoint { Int($0) < seq }
    }

    var heldBytes: Int {
        [byPage, submissions, getPages].reduce(0) { total, lists in
            lists.reduce(total + lists.capacity * MemoryLayout<[UInt32]>.stride) { $0 + $1.capacity * MemoryLayout<UInt32>.stride }
        }
    }
}

extension Timeline {
    /// The latest `limit` events about page `index` up to event `seq`, newest first.
    public func pageHistory(_ index: Int, upTo seq: Int, limit: Int) -> [Int] {
        guard index >= 0, index < eventIndex.byPage.count, seq >= 0 else { return [] }
        return EventIndex.events(eventIndex.byPage[index], in: 0...seq).suffix(limit).reversed().map(Int.init)
    }

    /// The `dev_read` / `dev_write` events in `events` whose request moves a page among
    /// object pages `objPages` (on some device), ascending, each once.
    public func submissions(touching objPages: Range<UInt64>, in events: ClosedRange<Int>) -> [Int] {
        let n = EventIndex.objectPagesPerBucket
        return merged(eventIndex.submissions, buckets: Int(objPages.lowerBound) / n..<((Int(objPages.upperBound) + n - 1) / n), in: events)
            .filter { entries[requests[Int(self.events[$0].i)].entries].contains { objPages.contains($0.objPage) } }
    }

    /// The r4w `get_page` events in `events` of file pages `pages`, ascending.
    public func getPages(of pages: Range<Int>, in events: ClosedRange<Int>) -> [Int] {
        let n = EventIndex.filePagesPerBucket
        return merged(eventIndex.getPages, buckets: pages.lowerBound / n..<((pages.upperBound + n - 1) / n), in: events)
            .filter { pages.contains(Int(self.events[$0].i)) }
    }

    private func merged(_ lists: [[UInt32]], buckets: Range<Int>, in events: ClosedRange<Int>) -> [Int] {
        guard !events.isEmpty, !buckets.isEmpty else { return [] }
        var found: [Int] = []
        for bucket in buckets.clamped(to: 0..<lists.count) {
            found += EventIndex.events(lists[bucket], in: events).lazy.map(Int.init)
        }
        found.sort()
        return found.enumerated().filter { $0.offset == 0 || found[$0.offset - 1] != $0.element }.map(\.element)
    }

    /// Records event `seq` (just appended) in the index.
    func indexEvent(_ seq: Int) {
        let kind = events[seq].kind
        let request = kind == .devRead || kind == .devWrite ? requests[Int(events[seq].i)] : nil
        eventIndex.record(seq, page: pageIndex(of: seq), kind: kind, request: request,
                          entries: request.map { entries[$0.entries] } ?? [])
    }
}
