/// Where two worlds part (SPEC 8's `first_divergence`).
public struct Divergence: Sendable, Equatable {
    /// The event of A and of B where the worlds part: the differing event itself when
    /// both do the same kind of thing differently (a `dev_write` with other extents), or
    /// the call whose first step already differs (the `ore_write` whose r4w-off twin
    /// fails at once with -ENOTSUPP), else the first event that differs.
    public var aEvent: Int
    public var bEvent: Int
    /// The scenario line A is executing at `aEvent`.
    public var line: Int
    /// The first observable difference, in one line ("B reads dev 2 object pages 1..2; A does not").
    public var what: String
    /// Which `Comparison.commands` entry it is in.
    public var command: Int

    /// `{a_event, b_event, line, what}`.
    public var json: JSONValue {
        .object([("a_event", .int(Int64(aEvent))), ("b_event", .int(Int64(bEvent))),
                 ("line", .int(Int64(line))), ("what", .string(what))])
    }
}
