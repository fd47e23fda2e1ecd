/// `struct ore_striping_info` as `ore_calc_stripe_info` (fs/exofs/ore.c, final) fills it.
struct KStripeInfo {
    var objOffset: UInt64
    var unitOff: UInt64
    var dev: Int
    var parDev: Int
    var length: UInt64
    var firstStripeStart: UInt64
    /// The data column in file order and the page row in the unit (`si->cur_comp` / `si->cur_pg`).
    var curComp: Int
    var curPg: Int
    var M: UInt64
}

extension KLayout {
    /// `ore_calc_stripe_info`: L → (M, G, H, N, C) → device and object offset, with the final
    /// code's `2W + C - RxP` and the RAID0 `par_dev = group_width` ("make the math correct").
    /// u64 arithmetic wraps as in C (group depth -1 makes T = -U, i.e. unbounded).
    func calcStripeInfo(_ fileOffset: UInt64, length: UInt64) -> KStripeInfo {
        let su = stripeUnit, w = UInt64(groupWidth), p = UInt64(parity)
        let U = (w - p) &* su
        let T = U &* groupDepth
        let S = T &* UInt64(groupCount)
        let M = fileOffset / S
        let lModS = fileOffset - M &* S
        let G = lModS / T
        let H = lModS - G &* T
        let N = H / U
        let C = (H - N * U) / su + G * w
        let firstDev = C - C % w
        let unitOff = fileOffset % su
        let objOffset = unitOff + N * su + M &* groupDepth &* su
        var dev: UInt64, parDev: UInt64
        if parity > 0 {
            let lcmdP = lcm(w, p) / p
            let RxP = (N % lcmdP) * p
            parDev = (w + w - p - RxP) % w + firstDev
            dev = (w + w + C - RxP) % w + firstDev
        } else {
            parDev = w
            dev = C
        }
        dev *= UInt64(mirrors)
        parDev *= UInt64(mirrors)
        return KStripeInfo(objOffset: objOffset, unitOff: unitOff, dev: Int(dev), parDev: Int(parDev),
                           length: min(T &- H, length), firstStripeStart: M &* S &+ G &* T &+ N &* U,
                           curComp: Int(C - firstDev), curPg: Int(unitOff / Self.pageSize), M: M)
    }

    /// Where file page `index` lives: (component of copy 0, object page), the mapping
    /// invariants 1 and 7 hold the devices to.
    func home(ofPage index: Int) -> (dev: Int, objPage: Int) {
        let si = calcStripeInfo(UInt64(index) * Self.pageSize, length: 0)
        return (si.dev, Int(si.objOffset / Self.pageSize))
    }
}

private func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 { b == 0 ? a : gcd(b, a % b) }
private func lcm(_ a: UInt64, _ b: UInt64) -> UInt64 { a / gcd(a, b) * b }
