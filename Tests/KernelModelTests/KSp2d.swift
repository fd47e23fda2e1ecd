/// A cell of the stripe's page matrix: a cache page (by index), the zero page `get_page`
/// returned for that index, or a parity page.
enum KCell: Equatable {
    case page(Int)
    case zero(Int)
    case parity
}

/// `struct __stripe_pages_2d` (ore_raid.c): pages_in_unit rows × (D + P) columns, the per-row
/// write count, and which data cells came from r4w `get_page` (`page_is_read`).
struct KSp2d {
    let pagesInUnit: Int
    let dataDevs: Int
    var cells: [[KCell?]]
    var writeCount: [Int]
    var isRead: [[Bool]]

    init(pagesInUnit: Int, dataDevs: Int, parity: Int) {
        self.pagesInUnit = pagesInUnit
        self.dataDevs = dataDevs
        cells = Array(repeating: Array(repeating: nil, count: dataDevs + parity), count: pagesInUnit)
        writeCount = Array(repeating: 0, count: pagesInUnit)
        isRead = Array(repeating: Array(repeating: false, count: dataDevs), count: pagesInUnit)
    }

    /// `_sp2d_min_pg` / `_sp2d_max_pg`: the rows this stripe writes.
    var minPg: Int { writeCount.firstIndex { $0 > 0 } ?? -1 }
    var maxPg: Int { writeCount.lastIndex { $0 > 0 } ?? -1 }

    /// `_ore_add_stripe_page`: the page goes to (si->cur_pg, si->cur_comp); cur_pg wraps.
    mutating func add(_ cell: KCell, si: inout KStripeInfo) {
        cells[si.curPg][si.curComp] = cell
        writeCount[si.curPg] += 1
        si.curPg = (si.curPg + 1) % pagesInUnit
    }
}
