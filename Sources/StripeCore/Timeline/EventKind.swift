/// The kinds of timeline events; raw values are the JSON names of SPEC section 7.
public enum EventKind: UInt8, Sendable, CaseIterable {
    case command, note, call, `return`, page
    case pageAdd, pageRemove, r4wGetPage, r4wPutPage
    case devRead, devWrite, ioDone, xor, violation, kernelBug
    case mdDecision, powercut, claimFailed

    /// The JSON name (`page_add`, `r4w_get_page`, ...).
    public var name: String {
        switch self {
        case .command: "command"
        case .note: "note"
        case .call: "call"
        case .return: "return"
        case .page: "page"
        case .pageAdd: "page_add"
        case .pageRemove: "page_remove"
        case .r4wGetPage: "r4w_get_page"
        case .r4wPutPage: "r4w_put_page"
        case .devRead: "dev_read"
        case .devWrite: "dev_write"
        case .ioDone: "io_done"
        case .xor: "xor"
        case .violation: "violation"
        case .kernelBug: "kernel_bug"
        case .mdDecision: "md_decision"
        case .powercut: "powercut"
        case .claimFailed: "claim_failed"
        }
    }

    public init?(name: String) {
        guard let kind = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = kind
    }
}

/// Kernel functions that appear as `call` / `return` events, spelled as in the kernel.
public enum KernelFunction: UInt8, Sendable, CaseIterable {
    case writepages, write_cache_pages, writepage_strip, write_exec
    case ore_get_rw_state, ore_write, ore_read, _prepare_for_striping, _ore_add_parity_unit
    case _read_4_write_first_stripe, _read_4_write_last_stripe, _read_4_write_execute
    case _gen_xor_unit, _sp2d_reset, writepages_done
    case readpages, read_exec, readpages_done, readpage
    case write_begin, write_end
    case writepage, shrink_page_list, ore_truncate, truncate_setsize, invalidate_mapping_pages
    case filemap_write_and_wait_range, lock_page, wait_on_page_writeback, truncate_inode_pages, ore_comp_dev
    case _sp2d_min_pg
    // md raid5/6 (drivers/md/raid5.c, raid5-cache.c, raid5-ppl.c) and the block layer above it.
    case submit_bio, raid5_make_request, add_stripe_bio, raid5_get_active_stripe, blk_finish_plug, raid5_unplug
    case raid5d, raid5_activate_delayed, handle_stripe, handle_stripe_dirtying, schedule_reconstruction
    case ops_run_prexor5, ops_run_prexor6, ops_run_reconstruct5, ops_run_reconstruct6, ops_run_partial_parity
    case ops_run_io, r5l_write_stripe, ppl_write_stripe, raid5_end_read_request, raid5_end_write_request
    case handle_stripe_clean_event, raid5_read_one_chunk, md_do_sync
    // md after a power cut (raid5-cache.c, raid5-ppl.c) and md's degraded reads (raid5.c).
    case r5l_recovery_log, r5l_recovery_replay_one_stripe, ppl_recover, ppl_recover_entry
    case fetch_block, ops_run_compute5, ops_run_compute6_1, ops_run_compute6_2, ops_run_biofill

    /// The name as the kernel spells it.
    public var name: String { "\(self)" }

    /// Argument names, in the order their values are stored.
    public var argumentNames: [String] {
        switch self {
        case .writepages: ["sync", "range_start", "range_end", "nr_to_write"]
        case .write_cache_pages: []
        case .writepage_strip, .write_begin, .write_end, .readpage, .writepage: ["index"]
        case .write_exec, .writepages_done, .read_exec, .readpages_done, .readpages: ["pg_first", "nr_pages"]
        case .ore_get_rw_state, .ore_write, .ore_read, ._prepare_for_striping: ["offset", "length"]
        case ._ore_add_parity_unit, ._read_4_write_first_stripe, ._read_4_write_last_stripe,
             ._read_4_write_execute, ._gen_xor_unit, ._sp2d_reset: ["stripe"]
        case .shrink_page_list: ["nr_to_reclaim"]
        case .ore_truncate, .truncate_setsize: ["size"]
        case .invalidate_mapping_pages, .filemap_write_and_wait_range: ["start", "end"]
        case .lock_page, .wait_on_page_writeback, .truncate_inode_pages: ["index"]
        case .ore_comp_dev: ["comp"]
        case ._sp2d_min_pg: []
        case .submit_bio, .raid5_make_request, .raid5_read_one_chunk: ["pg_first", "nr_pages"]
        case .add_stripe_bio: ["row", "dev", "index"]
        case .raid5_get_active_stripe, .handle_stripe, .handle_stripe_dirtying, .schedule_reconstruction,
             .ops_run_prexor5, .ops_run_prexor6, .ops_run_reconstruct5, .ops_run_reconstruct6, .ops_run_partial_parity,
             .ops_run_io, .r5l_write_stripe, .ppl_write_stripe, .handle_stripe_clean_event,
             .r5l_recovery_replay_one_stripe, .ppl_recover_entry, .ops_run_compute5, .ops_run_compute6_1,
             .ops_run_compute6_2, .ops_run_biofill: ["row"]
        case .fetch_block: ["row", "dev"]
        case .raid5_end_read_request, .raid5_end_write_request: ["row", "dev"]
        case .blk_finish_plug, .raid5_unplug, .raid5d, .raid5_activate_delayed, .md_do_sync, .r5l_recovery_log,
             .ppl_recover: []
        }
    }

    public init?(name: String) {
        guard let fn = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = fn
    }
}

/// Where an r4w `get_page` found its page.
public enum PageSource: UInt8, Sendable, CaseIterable {
    case cache, created, zero, locked
    public var name: String { "\(self)" }
}
