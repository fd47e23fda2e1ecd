/// What a comparison looks at (SPEC 8): the device requests, the page flags after each
/// change, and the invariant results. Everything else (tokens, references, sp2d,
/// call structure) may differ without the worlds diverging.
enum ObservableEffect: Equatable {
    /// A `dev_read` / `dev_write`: device, direction and object byte extents.
    case request(dev: Int, write: Bool, extents: [ByteExtent])
    /// A page's flags after a `page`, `page_add` or `page_remove` event; nil when absent.
    case page(index: Int, flags: PageFlags?)
    case violation(rule: Int)
    case kernelBug(KernelFunction)

    struct ByteExtent: Equatable {
        var offset: UInt64
        var length: UInt64
    }

    /// What the world does, as the predicate of a sentence: "reads dev 2 object pages 1..2".
    var phrase: String {
        switch self {
        case .request(let dev, let write, let extents):
            let pages = Timeline.pageRanges(extents.map { ($0.offset, $0.length) })
            let count = extents.reduce(0) { $0 + ($1.offset + $1.length - 1) / pageSize - $1.offset / pageSize + 1 }
            return "\(write ? "writes" : "reads") dev \(dev) object page\(count == 1 ? "" : "s") \(pages)"
        case .page(let index, let flags): return "leaves page \(index) \(Self.describe(flags))"
        case .violation(let rule): return "breaks invariant \(rule)"
        case .kernelBug(let fn): return "hits a kernel bug in \(fn.name)"
        }
    }

    /// Flags as page-types letters, "absent" or "present, no flags".
    static func describe(_ flags: PageFlags?) -> String {
        guard let flags else { return "absent" }
        return flags.isEmpty ? "present, no flags" : flags.letters
    }

    /// One line saying how the worlds' first differing effects `a` and `b` (either may
    /// be missing) differ; `restA` / `restB` are what each world does after them, so an
    /// effect the other world only makes later is not called missing.
    static func difference(_ a: ObservableEffect?, _ b: ObservableEffect?,
                           restA: ArraySlice<ObservableEffect>, restB: ArraySlice<ObservableEffect>) -> String {
        switch (a, b) {
        case (.page(let i, let fa), .page(let j, let fb)) where i == j:
            return "page \(i): A \(describe(fa)), B \(describe(fb))"
        case (.request(let d, let w, _)?, .request(let e, let v, _)?) where d == e && w == v:
            return "A \(a!.phrase), B \(b!.phrase)"
        case (let a?, let b?) where restB.contains(a) && !restA.contains(b): return "B \(b.phrase); A does not"
        case (let a?, let b?) where restA.contains(b) && !restB.contains(a): return "A \(a.phrase); B does not"
        case (let a?, nil): return "A \(a.phrase); B does not"
        case (nil, let b?): return "B \(b.phrase); A does not"
        case (let a?, let b?): return "A \(a.phrase); B \(b.phrase)"
        case (nil, nil): return "the worlds agree"
        }
    }
}
