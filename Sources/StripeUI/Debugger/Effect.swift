import StripeCore

/// Work `update` asks the run loop to do for it (bubbletea's `Cmd`): a build, a file
/// read or write. `update` itself never builds, reads or writes, so a key is answered
/// at once; the loop runs the effect between keys and hands back its result as a
/// message (`DebuggerMsg.done`).
public enum Effect: Equatable {
    /// Start (or go on) building `run` a chunk at a time between keys, within the budget
    /// the run was made with; after each chunk the loop sends `.done(.built(run))`.
    case build(EngineRun)
    /// Stop building `run`: its engine thread ends and no more reports come for it.
    case cancelBuild(EngineRun)
    /// Read the file at the path: `.done(.read(...))` brings its bytes.
    case read(String)
    /// Write `text` to the file at the path: `.done(.wrote(...))` says whether it worked.
    case write(String, text: String)

    public static func == (lhs: Effect, rhs: Effect) -> Bool {
        switch (lhs, rhs) {
        case (.build(let a), .build(let b)), (.cancelBuild(let a), .cancelBuild(let b)): a === b
        case (.read(let a), .read(let b)): a == b
        case (.write(let a, let x), .write(let b, let y)): a == b && x == y
        default: false
        }
    }
}

/// What an effect came to, handed back to `update` as a message.
public enum EffectResult: Sendable, Equatable {
    /// The file's bytes (nil: there is none), or why it could not be read.
    case read(path: String, bytes: [UInt8]?, error: String?)
    /// The file was written, or why not.
    case wrote(path: String, error: String?)
    /// The build `run` (by identity) went one chunk further, finished or stopped at the
    /// budget: the model looks at the run it holds.
    case built(ObjectIdentifier)
}
