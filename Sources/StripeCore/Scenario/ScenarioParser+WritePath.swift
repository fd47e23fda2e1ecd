extension ScenarioParser {
    /// `write-path ore|md [rmw=disable|enable|prefer] [stripe-cache=N] [log=none|journal|ppl]`.
    static func parseWritePath(_ words: inout LineLexer) throws(ScenarioError) -> Command {
        let which = try words.required("a write path, 'ore' or 'md'")
        switch which.text {
        case "ore":
            try words.end()
            return .writePath(.ore)
        case "md":
            var args = try words.keyValues(allowed: ["rmw", "stripe-cache", "log"])
            var config = MdConfig()
            if let rmw = try args.choice("rmw", of: RmwLevel.self) { config.rmw = rmw }
            if let log = try args.choice("log", of: MdLog.self) { config.log = log }
            let limits = MdConfig.stripeCacheLimits
            if let size = try args.integer("stripe-cache", required: false, range: limits) { config.stripeCache = size }
            return .writePath(.md(config))
        default:
            throw words.error(at: which, "expected a write path, 'ore' or 'md', found \(which.quoted)")
        }
    }

    /// Why `layout` cannot go under md: md has no groups or mirrors, and raid0 is
    /// another md personality. Nil when it can.
    public static func mdRejects(_ layout: OreLayout) -> String? {
        if layout.mirrors > 1 { return "write-path md: md raid5/6 has no mirrors (the layout has mirrors=\(layout.mirrors))" }
        if layout.groupDepth != nil { return "write-path md: md raid5/6 has no groups (the layout has group-width=\(layout.groupWidth))" }
        if layout.parity == 0 { return "write-path md: md models raid5 and raid6 (the layout is raid0)" }
        return nil
    }
}

extension KeyValues {
    /// One of a fixed set of words (`rmw=prefer`); nil when absent.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, of: T.Type) throws(ScenarioError) -> T?
    where T.RawValue == String {
        guard let (_, value) = pairs[key] else { return nil }
        guard let choice = T(rawValue: value.text) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw lexer.error(at: value, "expected one of \(names) for \(key), found \(value.quoted)")
        }
        return choice
    }
}
