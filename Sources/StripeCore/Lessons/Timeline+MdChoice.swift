extension Timeline {
    /// md's choice for array page row `row` among events `events`: the first
    /// `md_decision` for the row that is not `delayed`, or the full-stripe decision of the
    /// batch that wrote it (`stripe_add_to_batch_list`: a batch member is never handled
    /// on its own). A stripe_head whose reads come back is decided again (raid5.c runs
    /// `handle_stripe_dirtying` once more) with nothing left to read; the first decision
    /// is the one that chose what to read.
    func mdChoice(row: Int, in events: ClosedRange<Int>) -> MdChoice? {
        for seq in events where self.events[seq].kind == .mdDecision {
            guard case .mdDecision(let d) = payload(of: seq) else { continue }
            if d.row == UInt64(row), let choice = MdChoice(rawValue: d.choice.rawValue) { return choice }
            if d.choice == .full, mdBatch(decidedAt: seq).contains(UInt64(row)) { return .full }
        }
        return nil
    }

    /// md's choice for row `row` as it stands at event `seq`: from the last command before
    /// `seq` that decided the row, the first decision that was not `delayed`.
    func mdChoice(row: Int, upTo seq: Int) -> MdChoice? {
        guard let last = (0...seq).reversed().first(where: { n in
            guard self.events[n].kind == .mdDecision, case .mdDecision(let d) = payload(of: n) else { return false }
            return d.row == UInt64(row) || (d.choice == .full && mdBatch(decidedAt: n).contains(UInt64(row)))
        }) else { return nil }
        let command = (0...last).reversed().first { self.events[$0].kind == .command } ?? 0
        return mdChoice(row: row, in: command...seq)
    }

    /// The other rows a full-stripe batch decided at `seq` writes: the rows
    /// `ops_run_reconstruct5/6` runs for inside that `handle_stripe` (batch members).
    public func mdBatch(decidedAt seq: Int) -> [UInt64] {
        guard case .mdDecision(let decision) = payload(of: seq) else { return [] }
        let depth = Int(event(seq).depth)
        var rows: [UInt64] = []
        var n = seq + 1
        while n < min(count, seq + 20_000), Int(event(n).depth) >= depth - 1 {
            if event(n).kind == .return, function(of: n) == .handle_stripe { break }
            if case .call(let call) = payload(of: n),
               call.function == .ops_run_reconstruct5 || call.function == .ops_run_reconstruct6,
               let other = call.argument("row"), other != decision.row {
                rows.append(other)
            }
            n += 1
        }
        return rows
    }
}
