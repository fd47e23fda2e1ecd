/// `trace --format chrome`: the Chrome trace event format that Perfetto and
/// chrome://tracing open.
///
/// Time: event number `seq` happens at `seq` microseconds, so one microsecond on the
/// time axis is one event of the timeline. Track 1 holds the kernel calls as nested
/// complete (`X`) events, with r4w get/put, notes and violations as instants; track
/// 100 + N holds the requests of device N, each from when the device starts it (its
/// submission, or the completion of the request before it: devices serve requests in
/// order) to its completion;
/// counters track pages dirty, under writeback and locked, and device pages written
/// (counted when issued, with those in flight apart: `WriteTotals`).
extension Timeline {
    static let kernelTrack = 1
    static let scenarioTrack = 2
    static func deviceTrack(_ dev: Int) -> Int { 100 + dev }

    public func writeChromeTrace(to write: (String) -> Void) {
        var first = true
        func emit(_ pairs: [(String, JSONValue)]) {
            write((first ? "[\n" : ",\n") + JSONValue.object(pairs).encoded)
            first = false
        }
        func meta(_ tid: Int, _ name: String) {
            emit([("ph", .string("M")), ("name", .string("thread_name")), ("pid", .int(1)), ("tid", .int(Int64(tid))),
                  ("args", .object([("name", .string(name))]))])
        }
        emit([("ph", .string("M")), ("name", .string("process_name")), ("pid", .int(1)),
              ("args", .object([("name", .string("StripeScope: \(scenario.title)"))]))])
        meta(Self.scenarioTrack, "scenario")
        meta(Self.kernelTrack, "kernel (exofs / ORE)")
        let devices = state(at: count - 1).devices.count
        for dev in 0..<devices { meta(Self.deviceTrack(dev), "dev \(dev)") }

        var openCalls: [Int] = []
        var submitted: [Int: Int] = [:]  // request id → submission seq
        var lastDone = [Int](repeating: 0, count: devices)
        var state = SimState()
        var dirty = 0, writeback = 0, locked = 0
        var written: UInt64 = 0, inFlight: UInt64 = 0
        for seq in 0..<count {
            let payload = payload(of: seq)
            let before = payload.kind == .page || payload.kind == .pageRemove ? state.pages[payload.page!].flags : []
            apply(seq, to: &state)
            let ts = JSONValue.int(Int64(seq))
            let args = JSONValue.object([("seq", .int(Int64(seq)))] + fields(of: seq))
            switch payload {
            case .call:
                openCalls.append(seq)
            case .return(let call):
                let start = openCalls.removeLast()
                emit([("ph", .string("X")), ("name", .string(call.function.name)), ("cat", .string("kernel")),
                      ("pid", .int(1)), ("tid", .int(Int64(Self.kernelTrack))), ("ts", .int(Int64(start))),
                      ("dur", .int(Int64(seq - start))), ("args", .object(fields(of: start)))])
            case .devRead(let submission), .devWrite(let submission):
                submitted[submission.id] = seq
                if !submission.request.isRead {
                    written += UInt64(submission.request.entries.count)
                    inFlight += UInt64(submission.request.entries.count)
                    emit(counter("device pages written", ts, [("issued", .int(Int64(written))), ("in flight", .int(Int64(inFlight)))]))
                }
            case .ioDone(let done):
                let request = done.request
                let submittedAt = submitted.removeValue(forKey: done.id) ?? seq
                let start = max(submittedAt, lastDone[request.dev])
                lastDone[request.dev] = max(seq, start + 1)
                let name = request.isRead ? "read (\(request.purpose.name))" : "write"
                emit([("ph", .string("X")), ("name", .string(name)), ("cat", .string("device")), ("pid", .int(1)),
                      ("tid", .int(Int64(Self.deviceTrack(request.dev)))), ("ts", .int(Int64(start))),
                      ("dur", .int(Int64(max(1, seq - start)))), ("args", .object(fields(of: submittedAt) + fields(of: seq).filter { $0.0 == "error" }))])
                if !request.isRead {
                    inFlight -= UInt64(request.entries.count)
                    emit(counter("device pages written", ts, [("issued", .int(Int64(written))), ("in flight", .int(Int64(inFlight)))]))
                }
            case .command, .note, .powercut:
                emit([("ph", .string("i")), ("s", .string("t")), ("name", .string(summary(of: seq))),
                      ("pid", .int(1)), ("tid", .int(Int64(Self.scenarioTrack))), ("ts", ts), ("args", args)])
            case .r4wGetPage, .r4wPutPage, .violation, .kernelBug, .xor, .mdDecision, .claimFailed:
                emit([("ph", .string("i")), ("s", .string("t")), ("name", .string(summary(of: seq))),
                      ("pid", .int(1)), ("tid", .int(Int64(Self.kernelTrack))), ("ts", ts), ("args", args)])
            case .page, .pageRemove:
                let after = payload.kind == .page ? state.pages[payload.page!].flags : []
                func delta(_ flag: PageFlags) -> Int { (after.contains(flag) ? 1 : 0) - (before.contains(flag) ? 1 : 0) }
                dirty += delta(.dirty)
                writeback += delta(.writeback)
                locked += delta(.locked)
                emit(counter("pages", ts, [("dirty", .int(Int64(dirty))), ("writeback", .int(Int64(writeback))),
                                          ("locked", .int(Int64(locked)))]))
            case .pageAdd:
                break
            }
        }
        write(first ? "[]\n" : "\n]\n")
    }

    private func counter(_ name: String, _ ts: JSONValue, _ values: [(String, JSONValue)]) -> [(String, JSONValue)] {
        [("ph", .string("C")), ("name", .string(name)), ("pid", .int(1)), ("ts", ts), ("args", .object(values))]
    }
}
