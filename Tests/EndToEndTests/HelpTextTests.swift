import Testing

/// The help texts, which `make install` also turns into the man page.
struct HelpTextTests {
    /// swift-argument-parser's generate-manual drops every non-ASCII character ("200×60"
    /// became "20060"), so the help of every command must be ASCII. The dump is what the
    /// plugin reads.
    @Test func everyHelpTextIsASCII() throws {
        let dump = try Binary.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        #expect(dump.stdout.contains("\"commandName\" : \"scenarios\""))
        let lines = dump.stdout.split(separator: "\n").filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }
        #expect(lines.isEmpty, "not ASCII: \(lines)")
    }
}
