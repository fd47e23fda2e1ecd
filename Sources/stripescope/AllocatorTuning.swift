#if canImport(Glibc)
import Glibc
#endif

/// glibc's malloc keeps small freed blocks in "fastbins" without merging them, and
/// merges them all (`malloc_consolidate`) at the next large allocation. Freeing millions
/// of small arrays at once — a crash browser over millions of writes in flight closing, a
/// large timeline's temporaries — then made that next allocation, a frame's cell grid,
/// take 17–21 ms at 4 GiB (0.4 ms with fastbins off; building a timeline costs the same
/// either way: BENCHMARKS.md). Freed blocks then merge as they are freed.
/// (`mallopt` is in `malloc.h`, which the Glibc module leaves out: found by name.)
enum AllocatorTuning {
    static func apply() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        // RTLD_DEFAULT (a null handle): the process's own libc. M_MXFAST is 1.
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(1, 0)
        #endif
    }
}
