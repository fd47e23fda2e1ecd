import Foundation
import Testing

/// Every export opened by the tool that reads it: asciinema, xmllint, a JSON parser.
struct ExportTests {
    static func has(_ tool: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/\(tool)")
    }

    /// Runs a shell command line; returns its exit status.
    @discardableResult
    static func sh(_ command: String) throws -> Int32 {
        try Subprocess.run("/bin/sh", ["-c", command], capture: false).status
    }

    static func stripEscapes(_ text: String) -> String {
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if (0x40...0x7e).contains(scalar.value), scalar != "[" { inEscape = false }
            } else if scalar == "\u{1b}" {
                inEscape = true
            } else if scalar != "\r" {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func trimmedLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var s = String(line)
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    @Test(.enabled(if: has("asciinema") && has("script"), "asciinema (Debian package asciinema) is not installed; make test installs it"))
    func asciinemaAcceptsTheRecordingAndItsLastFrameIsTheEnd() throws {
        let dir = try Binary.scratch("", name: "unused").deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cast = dir.appendingPathComponent("demo.cast").path
        let r = try Binary.run(["record", "cold-cache", "-o", cast, "--size", "100x30"])
        #expect(r.status == 0)
        let lines = try String(contentsOfFile: cast, encoding: .utf8).split(separator: "\n")
        let header = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 100 && header["height"] as? Int == 30)
        #expect((header["title"] as? String)?.contains("cold cache") == true)
        let events = try lines.dropFirst().map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Any]) }
        #expect(events.contains { $0[1] as? String == "m" && ($0[2] as? String)?.contains("writepages sync") == true })
        let times = events.map { ($0[0] as? NSNumber)?.doubleValue ?? -1 }
        #expect(times == times.sorted() && times.first == 0)

        // asciinema cat needs a terminal: script(1) gives it one.
        let out = dir.appendingPathComponent("cat.out").path
        let status = try Self.sh("script -q -c 'asciinema cat \(cast) > \(out)' /dev/null")
        #expect(status == 0)
        let played = try String(contentsOfFile: out, encoding: .utf8)
        let lastFrame = try #require(played.components(separatedBy: "\u{1b}[H\u{1b}[2J").last)
        let end = try Binary.run(["render", "cold-cache", "--at", "end", "--size", "100x30"])
        #expect(Self.trimmedLines(Self.stripEscapes(lastFrame)) == Self.trimmedLines(end.stdout).dropLast())
    }

    @Test(.enabled(if: has("xmllint"), "xmllint (Debian package libxml2-utils) is not installed; make test installs it"))
    func svgAndHtmlParse() throws {
        let dir = try Binary.scratch("", name: "unused").deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (format, flags) in [("svg", ""), ("html", "--html")] {
            let r = try Binary.run(["render", "partial-stripe", "--at", "70", "--size", "120x40", "--format", format])
            #expect(r.status == 0)
            let file = dir.appendingPathComponent("frame.\(format)").path
            try r.stdout.write(toFile: file, atomically: true, encoding: .utf8)
            #expect(try Self.sh("xmllint \(flags) --noout \(file) 2>/dev/null") == 0, "\(format) must parse")
        }
        let svg = try Binary.run(["render", "partial-stripe", "--at", "70", "--size", "120x40", "--format", "svg"]).stdout
        #expect(svg.components(separatedBy: "<g class=\"row\"").count - 1 == 40)
    }

    @Test func ansiKeepsColoursAndStripsToTheText() throws {
        let ansi = try Binary.run(["render", "gap", "--at", "60", "--format", "ansi"]).stdout
        #expect(ansi.contains("\u{1b}[0;1;33m"))  // writeback: bold yellow
        let text = try Binary.run(["render", "gap", "--at", "60"]).stdout
        #expect(Self.trimmedLines(Self.stripEscapes(ansi)) == Self.trimmedLines(text))
    }

    @Test func completionsOfferBundledScenarios() throws {
        let script = try Binary.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0 && script.stdout.contains("---completion trace -- positional@0"))
        for shell in ["zsh", "fish"] {
            #expect(try Binary.run(["--generate-completion-script", shell]).status == 0)
        }
        let offered = try Binary.run(["---completion", "trace", "--", "positional@0", "2", "2", "stripescope", "trace", "pa"])
        let bundled = try Binary.run(["scenarios"]).stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first }
        #expect(offered.stdout.split(separator: "\n") == bundled.filter { $0.hasPrefix("pa") })
        #expect(offered.stdout.contains("partial-stripe"))
    }
}
