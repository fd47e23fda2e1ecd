/// An independent model of Linux md raid5/6 writing back a file's dirty pages, written
/// from drivers/md/raid5.c for this test alone: it shares no code with StripeScope's
/// engine. It covers what the comparison scenarios do: sync and background writeback
/// of every dirty page under one plug, with a stripe cache large enough never to evict,
/// every disk in sync, no log, completions delivered (auto). Under those conditions each
/// stripe_head's sequence of decisions does not depend on how raid5d interleaves rows:
///
/// - all bios reach `add_stripe_bio` before the plug is released, so a row's `towrite`
///   blocks are known at its first `handle_stripe_dirtying`;
/// - `REQ_SYNC` (sync writeback) makes the stripe preread-active at once: a decision
///   that needs reads issues them; without it the first such decision only sets
///   `STRIPE_DELAYED`, and the next one (after `raid5_activate_delayed`) reads;
/// - when the reads are back the stripe is handled again and schedules the write;
/// - fresh full stripes of one chunk batch behind the first of them (no log here).
struct MModel {
    struct Decision: Equatable, CustomStringConvertible {
        var rmw: Int, rcw: Int, choice: String, reads: [Int]
        var description: String { "rmw=\(rmw) rcw=\(rcw) \(choice) reads \(reads)" }
    }

    /// One block of a cached stripe_head: `R5_UPTODATE`, `R5_OVERWRITE` (it stays set
    /// after the write: only init_stripe clears it), and the cached content.
    struct Block { var uptodate = false, overwrite = false, token: UInt64 = 0 }

    let disks: Int, parity: Int, chunkPages: Int
    /// "disable", "enable" or "prefer".
    let rmwLevel: String
    /// Disk contents: disk → device page → token.
    var disk: [[Int: UInt64]]
    var cache: [Int: [Block]] = [:]
    var decisions: [Int: [Decision]] = [:]
    var reads: [[Int]] = []
    var writes: [[UInt64]] = []

    init(disks: Int, parity: Int, chunkPages: Int, rmwLevel: String, image: [[Int: UInt64]]) {
        self.disks = disks
        self.parity = parity
        self.chunkPages = chunkPages
        self.rmwLevel = rmwLevel
        disk = image
    }

    var dataDisks: Int { disks - parity }

    /// raid5_compute_sector, ALGORITHM_LEFT_SYMMETRIC: (disk, device page) of file page
    /// `page`, and P / Q of its chunk row.
    func place(_ page: Int) -> (disk: Int, row: Int) {
        let chunkNumber = page / chunkPages
        let stripe = chunkNumber / dataDisks
        var dd = chunkNumber % dataDisks
        let (pd, _) = parityDisks(chunkRow: stripe)
        dd = parity == 1 ? (pd + 1 + dd) % disks : (pd + 2 + dd) % disks
        return (dd, stripe * chunkPages + page % chunkPages)
    }

    func parityDisks(chunkRow stripe: Int) -> (pd: Int, qd: Int?) {
        if parity == 1 { return (dataDisks - stripe % disks, nil) }
        let pd = disks - 1 - stripe % disks
        return (pd, (pd + 1) % disks)
    }

    /// The data disks of a row in syndrome order (from the disk after the last parity).
    func dataOrder(row: Int) -> [Int] {
        let pd = parityDisks(chunkRow: row / chunkPages).pd
        return (0..<dataDisks).map { (pd + parity + $0) % disks }
    }

    /// g·x over GF(2⁸), polynomial 0x11d, byte by byte.
    static func gmul2(_ x: UInt64) -> UInt64 {
        var out: UInt64 = 0
        for i in 0..<8 {
            var b = (x >> (8 * UInt64(i))) & 0xff
            b <<= 1
            if b & 0x100 != 0 { b ^= 0x11d }
            out |= (b & 0xff) << (8 * UInt64(i))
        }
        return out
    }

    static func gpow(_ x: UInt64, _ n: Int) -> UInt64 {
        var v = x
        for _ in 0..<n { v = gmul2(v) }
        return v
    }

    /// Write back `pages` (file page → token), `sync` or not.
    mutating func writeback(_ pages: [(page: Int, token: UInt64)], sync: Bool) {
        var rows: [Int: [Int: UInt64]] = [:]
        for (page, token) in pages {
            let (d, row) = place(page)
            rows[row, default: [:]][d] = token
        }
        // stripe_add_to_batch_list: a fresh stripe_head (never cached) whose every data
        // block is written joins the batch of the row before it in the same chunk when
        // that one is such a stripe too; a member is never handled on its own (no
        // decision): its head reconstructs and writes it.
        func fullAndFresh(_ row: Int) -> Bool { cache[row] == nil && rows[row]?.count == dataDisks }
        let members = Set(rows.keys.filter { $0 % chunkPages != 0 && fullAndFresh($0) && fullAndFresh($0 - 1) })
        for row in members {
            var blocks = Array(repeating: Block(), count: disks)
            for i in rows[row]!.keys { blocks[i].overwrite = true }
            write(row: row, towrite: rows[row]!, rcw: true, blocks: &blocks)
            cache[row] = blocks
        }
        for (row, towrite) in rows where !members.contains(row) {
            var blocks = cache[row] ?? Array(repeating: Block(), count: disks)
            let (pd, qd) = parityDisks(chunkRow: row / chunkPages)
            func isParity(_ i: Int) -> Bool { i == pd || i == qd }
            for i in towrite.keys { blocks[i].overwrite = true }
            var prereadActive = sync
            while true {
                var rmw = 0, rcw = 0
                for i in 0..<disks {
                    if (towrite[i] != nil || isParity(i)) && !blocks[i].uptodate { rmw += 1 }
                    if !blocks[i].overwrite && !isParity(i) && !blocks[i].uptodate { rcw += 1 }
                }
                if rmwLevel == "disable" { rmw = 2; rcw = 1 }
                let prefer = rmwLevel == "prefer"
                var wanted: [Int] = []
                var branch = ""
                if (rmw < rcw || (rmw == rcw && prefer)) && rmw > 0 {
                    branch = "rmw"
                    wanted = (0..<disks).filter { (towrite[$0] != nil || isParity($0)) && !blocks[$0].uptodate }
                }
                if (rcw < rmw || (rcw == rmw && !prefer)) && rcw > 0 {
                    branch = "rcw"
                    wanted = (0..<disks).filter { !blocks[$0].overwrite && !isParity($0) && !blocks[$0].uptodate }
                    rcw = wanted.count
                }
                if wanted.isEmpty && (rcw == 0 || rmw == 0) {
                    let full = (0..<disks).allSatisfy { isParity($0) || towrite[$0] != nil }
                    let choice = rcw == 0 ? (full ? "full" : "rcw") : "rmw"
                    decisions[row, default: []].append(Decision(rmw: rmw, rcw: rcw, choice: choice, reads: []))
                    write(row: row, towrite: towrite, rcw: rcw == 0, blocks: &blocks)
                    break
                }
                guard prereadActive else {
                    decisions[row, default: []].append(Decision(rmw: rmw, rcw: rcw, choice: "delayed", reads: []))
                    prereadActive = true
                    continue
                }
                decisions[row, default: []].append(Decision(rmw: rmw, rcw: rcw, choice: branch, reads: wanted))
                for i in wanted {
                    reads.append([i, row])
                    blocks[i].token = disk[i][row] ?? 0
                    blocks[i].uptodate = true
                }
            }
            cache[row] = blocks
        }
    }

    /// Prexor or reconstruct, then every block written: data and P (and Q).
    private mutating func write(row: Int, towrite: [Int: UInt64], rcw: Bool, blocks: inout [Block]) {
        let (pd, qd) = parityDisks(chunkRow: row / chunkPages)
        let order = dataOrder(row: row)
        var p = blocks[pd].token, q = qd.map { blocks[$0].token } ?? 0
        if rcw {
            for (i, token) in towrite { blocks[i].token = token }
            p = 0
            q = 0
            for d in order.reversed() {
                p ^= blocks[d].token
                q = Self.gmul2(q) ^ blocks[d].token
            }
        } else {
            for (i, token) in towrite {
                let column = order.firstIndex(of: i)!
                let delta = blocks[i].token ^ token
                p ^= delta
                q ^= Self.gpow(delta, column)
                blocks[i].token = token
            }
        }
        blocks[pd].token = p
        if let qd { blocks[qd].token = q }
        for i in Array(towrite.keys) + [pd] + (qd.map { [$0] } ?? []) {
            blocks[i].uptodate = true
            disk[i][row] = blocks[i].token
            writes.append([UInt64(i), UInt64(row), blocks[i].token])
        }
    }
}
