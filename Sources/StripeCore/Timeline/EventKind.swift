/// The kinds of timeline events; raw values are the JSON names of SPEC section 7.
public enum EventKind: UInt8, Sendable, CaseIterable {
    case command, note, call, `return`, page
    case pageAdd, pageRemove, r4wGetPage, r4wPutPage
    case devRead, devWrite, ioDone, xor, violation, kernelBug
    case claimFailed

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
    case ore_get_rw_state, ore_write, _prepare_for_striping, _ore_add_parity_unit
    case _read_4_write_first_stripe, _read_4_write_last_stripe, _read_4_write_execute
    case _gen_xor_unit, _sp2d_reset, writepages_done
    case readpages, read_exec, readpages_done, readpage
    case write_begin, write_end
    case writepage, shrink_page_list, ore_truncate, truncate_setsize, invalidate_mapping_pages
    case filemap_write_and_wait_range, lock_page, wait_on_page_writeback, truncate_inode_pages, ore_comp_dev

    /// The name as the kernel spells it.
    public var name: String { "\(self)" }

    /// Argument names, in the order their values are stored.
    public var argumentNames: [String] {
        switch self {
        case .writepages: ["sync", "range_start", "range_end", "nr_to_write"]
        case .write_cache_pages: []
        case .writepage_strip, .write_begin, .write_end, .readpage, .writepage: ["index"]
        case .write_exec, .writepages_done, .read_exec, .readpages_done, .readpages: ["pg_first", "nr_pages"]
        case .ore_get_rw_state, .ore_write, ._prepare_for_striping: ["offset", "length"]
        case ._ore_add_parity_unit, ._read_4_write_first_stripe, ._read_4_write_last_stripe,
             ._read_4_write_execute, ._gen_xor_unit, ._sp2d_reset: ["stripe"]
        case .shrink_page_list: ["nr_to_reclaim"]
        case .ore_truncate, .truncate_setsize: ["size"]
        case .invalidate_mapping_pages, .filemap_write_and_wait_range: ["start", "end"]
        case .lock_page, .wait_on_page_writeback, .truncate_inode_pages: ["index"]
        case .ore_comp_dev: ["comp"]
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
