extension MdRaid5 {
    /// Models `raid5_make_request` for a write bio: page by page (one `STRIPE_SECTORS`
    /// step each) it gets the page's stripe_head and adds the bio to it, then, as
    /// `make_stripe_request` does:
    ///
    /// ```c
    /// set_bit(STRIPE_HANDLE, &sh->state);
    /// clear_bit(STRIPE_DELAYED, &sh->state);
    /// if ((!sh->batch_head || sh == sh->batch_head) &&
    ///     (bi->bi_opf & REQ_SYNC) &&
    ///     !test_and_set_bit(STRIPE_PREREAD_ACTIVE, &sh->state))
    ///         atomic_inc(&conf->preread_active_stripes);
    /// release_stripe_plug(mddev, sh);
    /// ```
    func makeRequest(_ engine: Engine, bio: Int, pages: [Int], sync: Bool) {
        engine.traced(.raid5_make_request, UInt64(pages[0]), UInt64(pages.count)) {
            for page in pages where !engine.halted {
                let (disk, row) = geometry.location(ofPage: page)
                guard getActiveStripe(engine, row: row) else { return }
                addStripeBio(engine, bio: bio, page: page, row: row, disk: disk)
                if config.log == .none { addToBatchList(row) }
                cache[row]!.handle = true
                cache[row]!.delayed = false
                let member = cache[row]!.batchHead.map { $0 != row } ?? false
                if sync && !member && !cache[row]!.prereadActive {
                    cache[row]!.prereadActive = true
                    prereadActiveStripes += 1
                }
                releaseStripePlug(row)
            }
            bioPut(engine, bio)
        }
    }

    /// Models `stripe_can_batch`: a fresh full-stripe write (`STRIPE_BATCH_READY`,
    /// every data block overwritten), without a log.
    private func canBatch(_ row: UInt64) -> Bool {
        guard let sh = cache[row], sh.batchReady else { return false }
        return sh.toWrite == geometry.dataDevices
    }

    /// Models `stripe_add_to_batch_list` ("we only do back search"): a full stripe joins
    /// the batch of the row before it in the same chunk when that one can batch too; it
    /// is then handled, computed and written with the batch's head, and is no longer
    /// preread-active.
    ///
    /// ```c
    /// /* Don't cross chunks, so stripe pd_idx/qd_idx is the same */
    /// tmp_sec = sh->sector;
    /// if (!sector_div(tmp_sec, conf->chunk_sectors))
    ///         return;
    /// head_sector = sh->sector - RAID5_STRIPE_SECTORS(conf);
    /// ...
    /// if (!stripe_can_batch(head) || !stripe_can_batch(sh))
    ///         goto unlock_out;
    /// ...
    /// if (test_and_clear_bit(STRIPE_PREREAD_ACTIVE, &sh->state))
    ///         if (atomic_dec_return(&conf->preread_active_stripes) < IO_THRESHOLD)
    /// ```
    private func addToBatchList(_ row: UInt64) {
        guard canBatch(row), row % UInt64(geometry.pagesInUnit) != 0, cache[row]!.batchHead == nil,
              canBatch(row - 1) else { return }
        let head = cache[row - 1]!.batchHead ?? row - 1
        cache[row - 1]!.batchHead = head
        cache[head]!.batch.append(row)
        cache[row]!.batchHead = head
        if cache[row]!.prereadActive {
            cache[row]!.prereadActive = false
            prereadActiveStripes -= 1
        }
    }

    /// Models `__add_stripe_bio` for a write: the page goes on the block's `towrite`,
    /// the bio gains a reference, and a block the bios cover whole gets `R5_OVERWRITE`
    /// (a page is a whole block: STRIPE_SIZE is 4096).
    private func addStripeBio(_ engine: Engine, bio: Int, page: Int, row: UInt64, disk: Int) {
        engine.traced(.add_stripe_bio, row, UInt64(disk), UInt64(page)) {
            cache[row]!.dev[disk].towrite = (bio, page, engine.state.pages[page].token)
            cache[row]!.dev[disk].overwrite = true
            bios[bio]!.remaining += 1
        }
    }

    /// Models `raid5_get_active_stripe`: the row's stripe_head from the cache, taken off
    /// whatever list it waits on (`list_del_init(&sh->lru)` when its count is 0: the
    /// inactive LRU, handle_list, delayed_list or hold_list), or a free one (the cache
    /// has fewer than `stripe-cache`), or the least recently used inactive one, reused
    /// for this row (`init_stripe`: its blocks are no longer UPTODATE). With none
    /// inactive the task sleeps until one is (the plug is flushed and completions come
    /// in); false when none ever will.
    func getActiveStripe(_ engine: Engine, row: UInt64) -> Bool {
        if cache[row] != nil {
            if cache[row]!.listed {
                for list in [\MdRaid5.inactive, \.handleList, \.delayedList, \.holdList] {
                    if let at = self[keyPath: list].firstIndex(of: row) { self[keyPath: list].remove(at: at) }
                }
                cache[row]!.listed = false
            }
            return true
        }
        while cache.count >= config.stripeCache && inactive.isEmpty {
            unplug(engine)
            guard inactive.isEmpty else { break }
            guard engine.deliverNextCompletion() else {
                engine.kernelBug(.raid5_get_active_stripe, "raid5_get_active_stripe waits forever for a free stripe_head for row \(row): all \(config.stripeCache) are active and no I/O in flight will free one")
                return false
            }
        }
        if cache.count >= config.stripeCache {
            let victim = inactive.removeFirst()
            cache[victim] = nil
        }
        cache[row] = StripeHead(row: row, geometry: geometry)
        return true
    }

    /// `release_stripe_plug`: under a plug the stripe joins the plug's list once (it is
    /// released when the plug is); without one it is released now.
    private func releaseStripePlug(_ row: UInt64) {
        guard plug != nil else {
            release(row)
            return
        }
        guard !cache[row]!.onPlug else { return }
        cache[row]!.onPlug = true
        plug!.append(row)
    }

    /// Models `raid5_unplug`: the plug's stripes are released in the order they joined
    /// it, then raid5d runs.
    func unplug(_ engine: Engine) {
        guard let pending = plug, !pending.isEmpty else { return }
        plug = []
        engine.traced(.raid5_unplug) {
            for row in pending {
                cache[row]?.onPlug = false
                release(row)
            }
        }
        raid5d(engine)
    }

    /// Models `do_release_stripe` when the last reference goes: a stripe to handle goes
    /// to `delayed_list` when delayed and not preread-active, else to `handle_list`; an
    /// idle one to the tail of the inactive LRU. A stripe with I/O in flight, or already
    /// on a list, stays where it is.
    ///
    /// ```c
    /// if (test_bit(STRIPE_HANDLE, &sh->state)) {
    ///         if (test_bit(STRIPE_DELAYED, &sh->state) &&
    ///             !test_bit(STRIPE_PREREAD_ACTIVE, &sh->state))
    ///                 list_add_tail(&sh->lru, &conf->delayed_list);
    ///         ...
    ///         else {
    ///                 clear_bit(STRIPE_DELAYED, &sh->state);
    ///                 ...
    ///                 list_add_tail(&sh->lru, &conf->handle_list);
    /// ```
    func release(_ row: UInt64) {
        // A batch member waits on no list: its head handles it.
        guard var sh = cache[row], sh.inFlight == 0, !sh.listed, !sh.onPlug, sh.batchHead.map({ $0 == row }) ?? true else { return }
        sh.listed = true
        if sh.handle {
            if sh.delayed && !sh.prereadActive {
                delayedList.append(row)
            } else {
                sh.delayed = false
                handleList.append(row)
            }
        } else {
            inactive.append(row)
        }
        cache[row] = sh
    }

    /// A stripe_head lets go of a bio (`bio_endio` at `bi_remaining` 0): its pages end
    /// writeback (with the error flag when a write failed).
    func bioPut(_ engine: Engine, _ bio: Int) {
        bios[bio]!.remaining -= 1
        guard let done = bios[bio], done.remaining == 0 else { return }
        bios[bio] = nil
        if done.error && !engine.state.mappingError { engine.stage(.mappingError(true)) }
        for page in done.pages {
            engine.setFlags(page, set: done.error ? .error : [], clear: .writeback)
        }
    }
}
