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

    /// Loads and parses `argument`, or prints one line to stderr and exits 2.
    static func load(_ argument: String) throws -> Scenario {
        do {
            return try ScenarioLoader.load(argument, bundled: Dictionary(uniqueKeysWithValues: BundledScenarios.all.map { ($0.name, $0.text) })) { path in
                guard FileManager.default.fileExists(atPath: path) else { return nil }
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    throw ScenarioLoadError(description: "\(path): is a directory, not a scenario file")
                }
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ScenarioLoadError(description: "\(path): cannot be read (check its permissions)")
                }
                return [UInt8](data)
            }
        } catch {
            throw CLIFailure("\(error)")
        }
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
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw CLIFailure("\(path): cannot be written (check the directory exists and is writable)")
            }
            self.handle = handle
        } else {
            handle = FileHandle.standardOutput
        }
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
