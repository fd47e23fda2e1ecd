extension MdRaid5 {
    /// Models `handle_stripe_dirtying` as the current raid5.c writes it, one
    /// `md_decision` event per call. Every disk is in sync here (degraded md is not
    /// modelled), so `R5_Insync` holds and `delay_towrite` is false; no block is
    /// `R5_InJournal` (the journal is write-through) or `R5_Wantcompute`.
    ///
    /// ```c
    /// if (conf->rmw_level == PARITY_DISABLE_RMW ||
    ///     (recovery_cp < MaxSector && sh->sector >= recovery_cp &&
    ///      s->failed == 0)) {
    ///         rcw = 1; rmw = 2;
    /// } else for (i = disks; i--; ) {
    ///         /* would I have to read this buffer for read_modify_write */
    ///         struct r5dev *dev = &sh->dev[i];
    ///         if (((dev->towrite && !delay_towrite(conf, dev, s)) ||
    ///              i == sh->pd_idx || i == sh->qd_idx ||
    ///              test_bit(R5_InJournal, &dev->flags)) &&
    ///             !test_bit(R5_LOCKED, &dev->flags) &&
    ///             !(uptodate_for_rmw(dev) ||
    ///               test_bit(R5_Wantcompute, &dev->flags))) {
    ///                 if (test_bit(R5_Insync, &dev->flags))
    ///                         rmw++;
    ///                 else
    ///                         rmw += 2*disks;  /* cannot read it */
    ///         }
    ///         /* Would I have to read this buffer for reconstruct_write */
    ///         if (!test_bit(R5_OVERWRITE, &dev->flags) &&
    ///             i != sh->pd_idx && i != sh->qd_idx &&
    ///             !test_bit(R5_LOCKED, &dev->flags) &&
    ///             !(test_bit(R5_UPTODATE, &dev->flags) ||
    ///               test_bit(R5_Wantcompute, &dev->flags))) {
    ///                 if (test_bit(R5_Insync, &dev->flags))
    ///                         rcw++;
    ///                 else
    ///                         rcw += 2*disks;
    ///         }
    /// }
    /// set_bit(STRIPE_HANDLE, &sh->state);
    /// if ((rmw < rcw || (rmw == rcw && conf->rmw_level == PARITY_PREFER_RMW)) && rmw > 0) {
    ///         ... for each block counted for rmw:
    ///                 if (test_bit(STRIPE_PREREAD_ACTIVE, &sh->state)) {
    ///                         set_bit(R5_LOCKED, &dev->flags);
    ///                         set_bit(R5_Wantread, &dev->flags);
    ///                         s->locked++;
    ///                 } else
    ///                         set_bit(STRIPE_DELAYED, &sh->state);
    /// }
    /// if ((rcw < rmw || (rcw == rmw && conf->rmw_level != PARITY_PREFER_RMW)) && rcw > 0) {
    ///         rcw = 0;
    ///         ... for each block counted for rcw: rcw++; then as above
    /// }
    /// if (rcw > disks && rmw > disks &&
    ///     !test_bit(STRIPE_PREREAD_ACTIVE, &sh->state))
    ///         set_bit(STRIPE_DELAYED, &sh->state);
    /// if ((s->req_compute || !test_bit(STRIPE_COMPUTE_RUN, &sh->state)) &&
    ///     (s->locked == 0 && (rcw == 0 || rmw == 0) &&
    ///      !test_bit(STRIPE_BIT_DELAY, &sh->state)))
    ///         schedule_reconstruction(sh, s, rcw == 0, 0);
    /// ```
    ///
    /// `recovery_cp < MaxSector` is the array dirty after an unclean shutdown (`powercut`)
    /// until `resync`. RAID6 counts the same way (`rmw_level` is `PARITY_ENABLE_RMW` when
    /// the raid6 library has `xor_syndrome`, as every x86 one has).
    func handleStripeDirtying(_ engine: Engine, row: UInt64) {
        engine.traced(.handle_stripe_dirtying, row) {
            let sh = cache[row]!
            let disks = sh.dev.count
            let before = sh.dev
            var rmw = 0, rcw = 0
            if config.rmw == .disable || engine.state.arrayDirty {
                rcw = 1
                rmw = 2
            } else {
                for i in (0..<disks).reversed() {
                    let dev = sh.dev[i]
                    if Self.wantedForRmw(dev, i, sh) { rmw += 1 }
                    if Self.wantedForRcw(dev, i, sh) { rcw += 1 }
                }
            }
            cache[row]!.handle = true
            let prefer = config.rmw == .prefer
            var reads: [Int] = []
            var branch: MdDecision.Choice?
            if (rmw < rcw || (rmw == rcw && prefer)) && rmw > 0 {
                branch = .rmw
                for i in (0..<disks).reversed() where Self.wantedForRmw(cache[row]!.dev[i], i, sh) {
                    wantRead(row, i, &reads)
                }
            }
            if (rcw < rmw || (rcw == rmw && !prefer)) && rcw > 0 {
                branch = .rcw
                rcw = 0
                for i in (0..<disks).reversed() where Self.wantedForRcw(cache[row]!.dev[i], i, sh) {
                    rcw += 1
                    wantRead(row, i, &reads)
                }
            }
            if rcw > disks && rmw > disks && !cache[row]!.prereadActive { cache[row]!.delayed = true }
            let locked = cache[row]!.dev.count(where: \.locked)
            let schedule = locked == 0 && (rcw == 0 || rmw == 0)
            let choice: MdDecision.Choice
            if schedule {
                // Full: every data block is written now (STRIPE_FULL_WRITE). R5_OVERWRITE
                // alone does not say so: it stays set on a block after its write.
                let allWritten = (0..<disks).allSatisfy { sh.isParity($0) || before[$0].towrite != nil }
                choice = rcw == 0 ? (allWritten ? .full : .rcw) : .rmw
            } else if reads.isEmpty && cache[row]!.delayed {
                choice = .delayed
            } else {
                choice = branch ?? .delayed
            }
            let decision = MdDecision(row: row, disks: (0..<disks).map { i in
                let dev = before[i]
                let role: MdDecision.Role = i == sh.pd ? .P : i == sh.qd ? .Q : .data
                let state: MdDecision.BlockState = reads.contains(i) ? .want : dev.towrite != nil ? .dirty : dev.uptodate ? .clean : .empty
                return MdDecision.Disk(dev: i, role: role, state: state, overwrite: dev.overwrite, uptodate: dev.uptodate, locked: dev.locked)
            }, rmw: rmw, rcw: rcw, choice: choice, scheduled: schedule, reads: reads.sorted())
            engine.emitDecision(decision)
            if schedule {
                scheduleReconstruction(engine, row: row, rcw: rcw == 0)
            } else if !reads.isEmpty {
                opsRunIO(engine, row: row)
            }
        }
    }

    /// A block read-modify-write must have: written, or P or Q, and neither locked nor
    /// UPTODATE.
    static func wantedForRmw(_ dev: R5Dev, _ i: Int, _ sh: StripeHead) -> Bool {
        (dev.towrite != nil || sh.isParity(i)) && !dev.locked && !dev.uptodate
    }

    /// A block reconstruct-write must have: a data block not overwritten, neither locked
    /// nor UPTODATE.
    static func wantedForRcw(_ dev: R5Dev, _ i: Int, _ sh: StripeHead) -> Bool {
        !dev.overwrite && !sh.isParity(i) && !dev.locked && !dev.uptodate
    }

    /// Reads block `i` when the stripe is preread-active (`R5_LOCKED`, `R5_Wantread`),
    /// else delays the stripe (`STRIPE_DELAYED`).
    private func wantRead(_ row: UInt64, _ i: Int, _ reads: inout [Int]) {
        guard cache[row]!.prereadActive else {
            cache[row]!.delayed = true
            return
        }
        cache[row]!.dev[i].locked = true
        cache[row]!.dev[i].wantRead = true
        reads.append(i)
    }
}

extension Engine {
    /// An `md_decision` event.
    func emitDecision(_ decision: MdDecision) {
        let offset = UInt64(timeline.args.count)
        timeline.args.append(contentsOf: decision.packed)
        emit(.mdDecision, x: offset)
    }
}
