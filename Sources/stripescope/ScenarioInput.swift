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
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(argument, bundled: Dictionary(uniqueKeysWithValues: BundledScenarios.all.map { ($0.name, $0.text) }),
                                               readFile: readRegularFile)
        } catch {
            throw CLIFailure("\(error)")
        }
        for warning in scenario.warnings { FileHandle.standardError.write(Data("stripescope: warning: \(warning)\n".utf8)) }
        return scenario
    }

    /// The bytes of the regular file at `path`; nil when nothing is there. What the path
    /// is, and its size, are checked with stat before it is opened, so a FIFO or a device
    /// is named and never read (reading a FIFO would block).
    static func readRegularFile(_ path: String) throws -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw ScenarioLoadError(description: "\(path): cannot be read (\(String(cString: strerror(errno))))")
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try ScenarioLoader.checkSize(UInt64(info.st_size), of: path)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ScenarioLoadError(description: "\(path): cannot be read (check its permissions)")
            }
            return [UInt8](data)
        case S_IFDIR: kind = "a directory"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFIFO: kind = "a named pipe (FIFO)"
        case S_IFSOCK: kind = "a socket"
        default: kind = "a special file"
        }
        throw ScenarioLoadError(description: "\(path): is \(kind), not a scenario file")
    }
}

/// A bad-input failure: one line on stderr, exit status 2.
struct CLIFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }

    /// Prints the message and exits with status 2.
    func exit() -> Never {
        FileHandle.standardError.write(Data("stripescope: \(message)\n".utf8))
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
            throw CLIFailure("\(path.prefix(200)): is a named pipe (FIFO); write to a regular file")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw CLIFailure("\(path.prefix(200)): cannot be written: \(String(cString: strerror(errno)))")
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
