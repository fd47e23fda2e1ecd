import ArgumentParser
import Foundation
import StripeAssets
import StripeCore

/// Shared handling of a SCENARIO argument: a path or a bundled name.
enum ScenarioInput {
    /// Shell completion for SCENARIO: the bundled names, then `.scn` files here, that
    /// start with what is typed.
    @Sendable static func completions(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: "."))?.filter { $0.hasSuffix(".scn") } ?? []
        return (BundledScenarios.all.map(\.name) + files.sorted()).filter { $0.hasPrefix(prefix) }
    }

    /// Loads and parses `argument`, or prints one line to stderr and exits 2. Warnings go
    /// to stderr, one line each.
    static func load(_ argument: String) throws -> Scenario {
        try finish(stream(argument))
    }

    /// `load` as a stream: parsed through its layout line (where every warning is), the
    /// rest as it is run (`ScenarioLoader.open`). Its warnings are not printed: a bad line
    /// is the one line a scenario that has one gets (`finish` prints them once there is none).
    static func stream(_ argument: String) throws -> Scenario {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.open(argument, bundled: Dictionary(uniqueKeysWithValues: BundledScenarios.all.map { ($0.name, $0.text) }),
                                               shownAs: RawArgument.shown(argument), readFile: readRegularFile)
        } catch {
            throw CLIFailure("\(error)")
        }
        return scenario
    }

    /// A scenario opened as a stream, parsed to its end, its warnings then printed on
    /// stderr one line each: what `load` does once the file is open. A bad line fails as
    /// `load` fails, with no warning before its one line.
    static func finish(_ scenario: Scenario) throws -> Scenario {
        var whole = scenario
        do {
            try whole.parseRest()
        } catch {
            throw CLIFailure(error.description)
        }
        for warning in whole.warnings { FileHandle.standardError.write(Data("stripescope: warning: \(warning.terminalSafe)\n".utf8)) }
        return whole
    }

    /// The bytes of the regular file at `path`; nil when nothing is there. What the path
    /// is, and its size, are checked with stat before it is opened, so a FIFO or a device
    /// is named and never read (reading a FIFO would block).
    static func readRegularFile(_ path: String) throws -> [UInt8]? {
        let raw = RawArgument.bytes(path)
        let name = TerminalSafe.escape(raw, scalars: 200, bytes: 400)
        let cPath = raw.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard stat(cPath, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw ScenarioLoadError(description: "\(name): cannot be read (\(String(cString: strerror(errno))))")
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try ScenarioLoader.checkSize(UInt64(info.st_size), of: name)
            guard let bytes = readAll(cPath, size: Int(info.st_size)) else {
                throw ScenarioLoadError(description: "\(name): cannot be read (check its permissions)")
            }
            return bytes
        case S_IFDIR: kind = "a directory"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFSOCK: kind = "a socket"
        default: kind = "a special file"
        }
        throw ScenarioLoadError(description: "\(name): is \(kind), not a scenario file")
    }

    /// The whole file at the NUL-terminated `path` (any bytes, UTF-8 or not), read straight
    /// into an array of the `size` stat gave (a 64 MiB scenario is copied once, not grown
    /// chunk by chunk before the TUI's first frame), then whatever it grew by since.
    private static func readAll(_ path: [CChar], size: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < buffer.count {
                let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 { if errno == EINTR { continue } else { failed = true; return } }
                if n == 0 { return }
                count += n
            }
        }
        guard !failed else { return nil }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { return nil } }
            if n == 0 { return bytes }
            bytes += chunk[..<n]
        }
    }
}

/// A command-line argument as the bytes the user typed: Swift's arguments replace bytes
/// that are not UTF-8 with U+FFFD, which names no file, so such a name is looked up again
/// in argv to be opened, and shown byte by byte (`\xff`).
enum RawArgument {
    /// The bytes of the argument that reads as `argument`.
    static func bytes(_ argument: String) -> [UInt8] {
        guard argument.unicodeScalars.contains("\u{FFFD}") else { return Array(argument.utf8) }
        for n in 0..<Int(CommandLine.argc) {
            guard let arg = CommandLine.unsafeArgv[n] else { continue }
            let raw = Array(UnsafeBufferPointer(start: UnsafeRawPointer(arg).assumingMemoryBound(to: UInt8.self), count: strlen(arg)))
            if String(decoding: raw, as: UTF8.self) == argument { return raw }
        }
        return Array(argument.utf8)
    }

    /// The argument as messages name it: escaped, bytes that are not UTF-8 as `\xff`.
    static func shown(_ argument: String) -> String {
        TerminalSafe.escape(bytes(argument), scalars: 200, bytes: 400)
    }
}

/// A bad-input failure: one line on stderr, exit status 2.
struct CLIFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }

    /// Prints the message and exits with status 2.
    func exit() -> Never {
        // Escaped whole: a name from outside inside the message never reaches the terminal raw.
        FileHandle.standardError.write(Data("stripescope: \(message.terminalSafe)\n".utf8))
        Foundation.exit(2)
    }
}

/// Buffered output to stdout or a file.
final class OutputSink {
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String?) throws {
        if let path {
            self.handle = try Self.openInPlace(path)
        } else {
            handle = FileHandle.standardOutput
        }
    }

    /// Opens `path` for writing in place (`O_TRUNC`), as an editor does: a device stays a
    /// device (`-o /dev/null`), a symlink keeps pointing where it did. Replacing the file
    /// through a rename, as `FileManager.createFile` does, would turn /dev/null into a
    /// regular file when run as root. A named pipe is refused: opening it would block.
    static func openInPlace(_ path: String) throws -> FileHandle {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFIFO {
            throw CLIFailure("\(path.shownName): is a named pipe (FIFO); write to a regular file")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw CLIFailure("\(path.shownName): cannot be written: \(String(cString: strerror(errno)))")
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    func line(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0a)
        if buffer.count > 1 << 16 { flush() }
    }

    func raw(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    func flush() {
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
