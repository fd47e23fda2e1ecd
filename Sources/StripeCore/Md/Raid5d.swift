extension MdRaid5 {
    /// Models `raid5d`: until nothing can be handled, activate the delayed stripes, then
    /// take up to `MAX_STRIPE_BATCH` stripes by priority (`handle_active_stripes`),
    /// handle each and release it.
    func raid5d(_ engine: Engine) {
        guard !inRaid5d, !engine.halted, !(handleList.isEmpty && delayedList.isEmpty && holdList.isEmpty) else { return }
        inRaid5d = true
        defer { inRaid5d = false }
        engine.traced(.raid5d) {
            while !engine.halted {
                activateDelayed(engine)
                var batch: [UInt64] = []
                while batch.count < Self.maxStripeBatch, let row = priorityStripe() { batch.append(row) }
                guard !batch.isEmpty else { break }
                for row in batch { handleStripe(engine, row: row) }
                for row in batch { release(row) }
            }
        }
    }

    /// Models `raid5_activate_delayed`: while fewer than `IO_THRESHOLD` stripes are
    /// preread-active, every delayed stripe becomes preread-active and moves to
    /// `hold_list`.
    ///
    /// ```c
    /// if (atomic_read(&conf->preread_active_stripes) < IO_THRESHOLD) {
    ///         while (!list_empty(&conf->delayed_list)) {
    ///                 ...
    ///                 clear_bit(STRIPE_DELAYED, &sh->state);
    ///                 if (!test_and_set_bit(STRIPE_PREREAD_ACTIVE, &sh->state))
    ///                         atomic_inc(&conf->preread_active_stripes);
    ///                 list_add_tail(&sh->lru, &conf->hold_list);
    /// ```
    private func activateDelayed(_ engine: Engine) {
        guard !delayedList.isEmpty, prereadActiveStripes < Self.ioThreshold else { return }
        engine.traced(.raid5_activate_delayed) {
            for row in delayedList {
                cache[row]!.delayed = false
                if !cache[row]!.prereadActive {
                    cache[row]!.prereadActive = true
                    prereadActiveStripes += 1
                }
                holdList.append(row)
            }
            delayedList = []
        }
    }

    /// Models `__get_priority_stripe`: `handle_list` first; `hold_list` (preread-active
    /// stripes that must read) when `handle_list` is empty and no full-stripe write is
    /// pending, or when handle_list stripes have bypassed it more than the threshold.
    ///
    /// ```c
    /// if (!list_empty(handle_list)) {
    ///         sh = list_entry(handle_list->next, typeof(*sh), lru);
    ///         if (list_empty(&conf->hold_list))
    ///                 conf->bypass_count = 0;
    ///         else if (!test_bit(STRIPE_IO_STARTED, &sh->state)) {
    ///                 if (conf->hold_list.next == conf->last_hold)
    ///                         conf->bypass_count++;
    ///                 else {
    ///                         conf->last_hold = conf->hold_list.next;
    ///                         conf->bypass_count -= conf->bypass_threshold;
    ///                         if (conf->bypass_count < 0)
    ///                                 conf->bypass_count = 0;
    ///                 }
    ///         }
    /// } else if (!list_empty(&conf->hold_list) &&
    ///            ((conf->bypass_threshold &&
    ///              conf->bypass_count > conf->bypass_threshold) ||
    ///             atomic_read(&conf->pending_full_writes) == 0)) {
    ///         ... sh = the first of hold_list ...
    ///         conf->bypass_count -= conf->bypass_threshold;
    ///         if (conf->bypass_count < 0)
    ///                 conf->bypass_count = 0;
    /// }
    /// ```
    private func priorityStripe() -> UInt64? {
        var row: UInt64
        if !handleList.isEmpty {
            row = handleList.removeFirst()
            if holdList.isEmpty {
                bypassCount = 0
            } else if !cache[row]!.ioStarted {
                if holdList.first == lastHold {
                    bypassCount += 1
                } else {
                    lastHold = holdList.first
                    bypassCount = max(0, bypassCount - Self.bypassThreshold)
                }
            }
        } else if !holdList.isEmpty && (bypassCount > Self.bypassThreshold || pendingFullWrites == 0) {
            row = holdList.removeFirst()
            bypassCount = max(0, bypassCount - Self.bypassThreshold)
        } else {
            return nil
        }
        cache[row]!.listed = false
        return row
    }

    /// Models `handle_stripe` for a write: finished writes are returned
    /// (`handle_stripe_clean_event`), then bios waiting to be written go through
    /// `handle_stripe_dirtying`.
    func handleStripe(_ engine: Engine, row: UInt64) {
        engine.traced(.handle_stripe, row) {
            cache[row]!.handle = false
            guard !clearBatchReady(row) else { return }
            if cache[row]!.writtenCount > 0 { cleanEvent(engine, row: row) }
            if cache[row]!.toWrite > 0 { handleStripeDirtying(engine, row: row) }
        }
    }

    /// Models `clear_batch_ready`: true for a batch member (the head handles it); the
    /// head's first handling closes its batch to newcomers.
    private func clearBatchReady(_ row: UInt64) -> Bool {
        let sh = cache[row]!
        guard sh.batchReady else { return sh.batchHead.map { $0 != row } ?? false }
        cache[row]!.batchReady = false
        guard let head = sh.batchHead else { return false }
        guard head == row else { return true }
        for member in sh.batch { cache[member]!.batchReady = false }
        return false
    }

    /// Models `handle_stripe_clean_event`: every written block of the stripe and of its
    /// batch returns its bio; the blocks stay UPTODATE in the cache; a full-stripe write
    /// is no longer pending; the batch breaks up (`break_stripe_batch_list`), its
    /// members handled once more on their own.
    private func cleanEvent(_ engine: Engine, row: UInt64) {
        engine.traced(.handle_stripe_clean_event, row) {
            let members = cache[row]!.batch
            for stripe in [row] + members {
                for disk in cache[stripe]!.dev.indices {
                    guard let written = cache[stripe]!.dev[disk].written else { continue }
                    cache[stripe]!.dev[disk].written = nil
                    bioPut(engine, written.bio)
                }
            }
            if cache[row]!.fullWrite {
                cache[row]!.fullWrite = false
                pendingFullWrites -= 1
            }
            cache[row]!.batch = []
            cache[row]!.batchHead = nil
            for member in members {
                cache[member]!.batchHead = nil
                cache[member]!.handle = true
                release(member)
            }
        }
    }

    /// Models `raid5_end_read_request`: the block is UPTODATE with what the disk holds
    /// (md's degraded handling of a read error is not modelled: the block is taken as
    /// read); the stripe is handled again when its last request is back.
    func endReadRequest(_ engine: Engine, row: UInt64, disk: Int, error: Bool) {
        engine.traced(.raid5_end_read_request, row, UInt64(disk)) {
            cache[row]!.dev[disk].token = engine.state.devices[disk].token(at: Int(row))
            cache[row]!.dev[disk].uptodate = true
            cache[row]!.dev[disk].locked = false
            cache[row]!.dev[disk].wantRead = false
            requestDone(row)
        }
    }

    /// Models `raid5_end_write_request`: the block is unlocked (a failed write fails
    /// the bio it came from); the stripe is handled again when its last request is back.
    func endWriteRequest(_ engine: Engine, row: UInt64, disk: Int, error: Bool) {
        engine.traced(.raid5_end_write_request, row, UInt64(disk)) {
            cache[row]!.dev[disk].locked = false
            if error, let written = cache[row]!.dev[disk].written { bios[written.bio]?.error = true }
            // A batch member's request holds its head (raid5_release_stripe(sh->batch_head)).
            requestDone(cache[row]!.batchHead ?? row)
        }
    }

    /// One of the stripe's requests is back: at the last, `STRIPE_HANDLE` and release.
    /// The stripe's log entry is then no longer needed after a power cut
    /// (`r5l_stripe_write_finished`, `ppl_stripe_write_finished`).
    private func requestDone(_ row: UInt64) {
        cache[row]!.inFlight -= 1
        guard cache[row]!.inFlight == 0 else { return }
        logEntries.removeAll { $0.row == row }
        cache[row]!.handle = true
        release(row)
    }
}
