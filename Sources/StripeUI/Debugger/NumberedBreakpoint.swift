import StripeCore

/// A breakpoint with the number gdb would give it: `Breakpoint 2, …` when it is hit.
public struct NumberedBreakpoint: Sendable, Equatable, CustomStringConvertible {
    public var number: Int
    public var breakpoint: Breakpoint

    public var description: String { "\(number)  \(breakpoint)" }
}

/// How a breakpoint is typed (`B` then `a`): `fn NAME`, `kind NAME`, `page N`, `dev N`,
/// `violation` or `kernel_bug`, then optional conditions `page N` / `dev N`. `fn` takes the
/// kernel's symbols (`exofs_writepages`, `__r4w_get_page`) and the engine's names.
enum BreakpointSpec {
    /// Every name `fn` accepts, with what it stops at: the engine's function names, their
    /// kernel symbols, and the r4w page helpers, which are events of their own kind.
    static let functions: [(name: String, breakpoint: Breakpoint)] = {
        var names: [(String, Breakpoint)] = [("__r4w_get_page", .kind(.r4wGetPage)), ("__r4w_put_page", .kind(.r4wPutPage))]
        for fn in KernelFunction.allCases {
            names.append((fn.name, .function(fn)))
            if fn.kernelSymbol != fn.name { names.append((fn.kernelSymbol, .function(fn))) }
        }
        return names
    }()

    static let words = ["fn", "kind", "page", "dev", "violation", "kernel_bug"]
    static let conditionWords = ["page", "dev"]

    /// The breakpoint `text` describes, or a message that says what is wrong and what is valid.
    static func parse(_ text: String) -> Result<Breakpoint, BreakpointError> {
        var words = text.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return .failure(.init("type one of: \(Self.words.joined(separator: ", "))")) }
        let first = words.removeFirst()
        var bp: Breakpoint
        switch first {
        case "violation": bp = .violation
        case "kernel_bug": bp = .kind(.kernelBug)
        case "fn", "function":
            guard let name = words.first else { return .failure(.init("fn: which function? (Tab lists them)")) }
            guard let found = functions.first(where: { $0.name == name }) else {
                return .failure(.init("fn \(name): no such function; valid: \(functions.map(\.name).joined(separator: " "))"))
            }
            bp = found.breakpoint
            words.removeFirst()
        case "kind":
            guard let name = words.first else { return .failure(.init("kind: which kind? (Tab lists them)")) }
            guard let kind = EventKind(name: name) else {
                return .failure(.init("kind \(name): no such kind; valid: \(EventKind.allCases.map(\.name).joined(separator: " "))"))
            }
            bp = .kind(kind)
            words.removeFirst()
        case "page", "dev", "device":
            words.insert(first, at: 0)
            switch condition(&words) {
            case .success(let target): bp = target
            case .failure(let error): return .failure(error)
            }
        default:
            return .failure(.init("'\(first)': expected one of \(Self.words.joined(separator: ", "))"))
        }
        while !words.isEmpty {
            switch condition(&words) {
            case .success(let condition): bp = .when(bp, condition)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(bp)
    }

    /// Takes `page N` or `dev N` off the front of `words`.
    private static func condition(_ words: inout [String]) -> Result<Breakpoint, BreakpointError> {
        guard words.count >= 2, let n = Int(words[1]), n >= 0 else {
            return .failure(.init("'\(words.joined(separator: " "))': expected a condition 'page N' or 'dev N'"))
        }
        switch words[0] {
        case "page": words.removeFirst(2); return .success(.page(n))
        case "dev", "device": words.removeFirst(2); return .success(.device(n))
        default: return .failure(.init("'\(words[0])': expected a condition 'page N' or 'dev N'"))
        }
    }

    /// Tab: the text with its last word completed as far as it is unambiguous, and the
    /// candidates when more than one fits.
    static func complete(_ text: String) -> (text: String, candidates: [String]) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let partial = words.last ?? ""
        let before = words.dropLast().filter { !$0.isEmpty }
        let choices: [String] = switch before.last {
        case nil: Self.words
        case "fn", "function": functions.map(\.name)
        case "kind": EventKind.allCases.map(\.name)
        case "page", "dev", "device": []
        default: conditionWords
        }
        return Completion.complete(partial, from: choices, prefix: (before + [""]).joined(separator: " "))
    }
}

/// Completing one word from a list, as a shell does.
enum Completion {
    /// `partial` completed to the longest common prefix of the choices it starts;
    /// with one choice, the whole word and a space. `prefix` is the text before it.
    static func complete(_ partial: String, from choices: [String], prefix: String) -> (text: String, candidates: [String]) {
        let fits = choices.filter { $0.hasPrefix(partial) }
        guard let first = fits.first else { return (prefix + partial, []) }
        if fits.count == 1 { return (prefix + first + " ", []) }
        var common = first
        for word in fits.dropFirst() { while !word.hasPrefix(common) { common.removeLast() } }
        return (prefix + common, fits)
    }
}

/// Why a typed breakpoint was refused, with what would be accepted.
struct BreakpointError: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}

extension Timeline {
    /// A breakpoint hit as gdb says it: the function and its arguments
    /// (`__r4w_get_page(index=9)`), or the event's summary.
    func hitDescription(of seq: Int) -> String {
        switch payload(of: seq) {
        case .call(let call):
            return "\(call.function.kernelSymbol)(\(call.arguments.map { "\($0.name)=\($0.value == .max ? "-" : String($0.value))" }.joined(separator: ", ")))"
        case .r4wGetPage(let get): return "__r4w_get_page(index=\(get.index))"
        case .r4wPutPage(let index, _): return "__r4w_put_page(index=\(index))"
        default: return summary(of: seq)
        }
    }
}
