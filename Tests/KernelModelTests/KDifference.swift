/// The first place where two runs disagree, in the order the test reports them.
enum KDifference {
    static func first(model: KTrace, engine: KTrace) -> String? {
        for (i, (m, e)) in zip(model.execs, engine.execs).enumerated() where m != e || parityMismatch(m, e) != nil {
            return "write_exec #\(i): " + describe(m, e)
        }
        if model.execs.count != engine.execs.count {
            let extra = model.execs.count > engine.execs.count
                ? "model: \(model.execs[engine.execs.count])" : "engine: \(engine.execs[model.execs.count])"
            return "write_exec count: model \(model.execs.count), engine \(engine.execs.count); first extra \(extra)"
        }
        if model.kernelBug != engine.kernelBug {
            return "kernel_bug: model \(model.kernelBug ?? "none"), engine \(engine.kernelBug ?? "none")"
        }
        if model.checks != engine.checks {
            return "check rules: model \(model.checks), engine \(engine.checks)"
        }
        if model.finalFlags != engine.finalFlags {
            let pages = Set(model.finalFlags.keys).union(engine.finalFlags.keys).sorted()
            let differing = pages.filter { model.finalFlags[$0] != engine.finalFlags[$0] }.prefix(4).map {
                "page \($0): model \(model.finalFlags[$0] ?? "absent"), engine \(engine.finalFlags[$0] ?? "absent")"
            }
            return "final page flags: " + differing.joined(separator: "; ")
        }
        return nil
    }

    /// Names the first field of a write_exec that differs.
    static func describe(_ m: KWriteExec, _ e: KWriteExec) -> String {
        if (m.pgFirst, m.nrPages) != (e.pgFirst, e.nrPages) {
            return "pages: model \(m.pgFirst)+\(m.nrPages), engine \(e.pgFirst)+\(e.nrPages)"
        }
        let at = "(pg_first \(m.pgFirst), nr_pages \(m.nrPages)) "
        if m.gets != e.gets { return at + "r4w get_page " + firstMismatch(m.gets, e.gets) }
        if m.puts != e.puts { return at + "r4w put_page " + firstMismatch(m.puts, e.puts) }
        if m.reads != e.reads { return at + "dev_read " + firstMismatch(m.reads, e.reads) }
        if m.xors != e.xors { return at + "xor [parity_dev, min_p, max_p, q_dev] " + firstMismatch(m.xors, e.xors) }
        if m.writes != e.writes { return at + "dev_write " + firstMismatch(m.writes, e.writes) }
        return at + "parity value " + parityMismatch(m, e)!
    }

    /// The first parity page whose engine token is not what the model's recipe gives over the
    /// engine's own page tokens (the two sides hand out different tokens).
    static func parityMismatch(_ m: KWriteExec, _ e: KWriteExec) -> String? {
        for (key, terms) in m.parityRecipes.sorted(by: { $0.key < $1.key }) {
            guard let tokenOf = e.tokenOf else { return "\(key): the engine wrote no request" }
            let want = terms.reduce(UInt64(0)) { $0 ^ KGaloisField.multiply(tokenOf($1.page), by: $1.coefficient) }
            guard e.parityValues[key] != want else { continue }
            return "\(key): model \(String(want, radix: 16)), engine \(e.parityValues[key].map { String($0, radix: 16) } ?? "nothing")"
        }
        return nil
    }

    /// The first position where two lists differ, with what each side has there.
    static func firstMismatch<T: Equatable>(_ m: [T], _ e: [T]) -> String {
        let i = Array(zip(m, e)).firstIndex { $0.0 != $0.1 } ?? min(m.count, e.count)
        func at(_ list: [T]) -> String { i < list.count ? "\(list[i])" : "nothing" }
        return "#\(i) of \(m.count)/\(e.count): model \(at(m)), engine \(at(e))"
    }
}
