import ArgumentParser
import Foundation
import StripeCore

/// `stripescope bench`: the figures behind BENCHMARKS.md, as one JSON object.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Build the timeline of a large writeback and time it; prints one JSON object.",
        discussion: """
            The workload: RAID5 over 5 devices with a 64K stripe unit (--layout changes it);
            the whole file is written page by page, then written back with writepages
            (WB_SYNC_ALL).
            Figures: events, build_seconds, bytes_per_event (resident memory growth while
            building, per event), jump_ms_median / jump_ms_max (state at 200 random events),
            render_ms (a 200x60 frame: the slowest of 20 random events and the first write
            completion), frame_ms_max (the slowest of those frames with a page selected,
            help open or a search typed too).
            """)

    @Option(help: "File size to write back, like 64M or 1G.")
    var size: String = "1G"

    @Option(help: "Random jumps to time.")
    var jumps: Int = 200

    @Option(help: "The scenario's layout line without 'layout', like 'raid6 devices=6 stripe-unit=64K'.")
    var layout: String = "raid5 devices=5 stripe-unit=64K"

    func run() throws {
        guard let bytes = SizeFormat.parse(Substring(size)), bytes >= pageSize, bytes <= Limits.maxFileSize else {
            CLIFailure("--size: expected a size from 4K to 16G like 64M or 1G, found '\(size)'").exit()
        }
        let pages = Int(bytes / pageSize)
        guard !layout.contains(where: \.isNewline) else { CLIFailure("--layout: one layout line, without newlines").exit() }
        let text = "layout \(layout)\nwrite 0..\(pages - 1)\nwritepages sync\n"
        let scenario: Scenario
        do {
            scenario = try ScenarioParser.parse(text, name: "bench")
        } catch {
            CLIFailure("--layout: \(error)").exit()
        }

        let rssBefore = Self.residentBytes()
        let start = DispatchTime.now()
        let timeline = Engine.run(scenario)
        let buildSeconds = Self.seconds(since: start)
        let rssAfter = Self.residentBytes()

        var rng = SystemRandomNumberGenerator()
        var jumpTimes: [Double] = []
        var checksum = 0
        for _ in 0..<max(1, jumps) {
            let target = Int.random(in: 0..<timeline.count, using: &rng)
            let t0 = DispatchTime.now()
            checksum &+= timeline.state(at: target).cachedPages
            jumpTimes.append(Self.seconds(since: t0) * 1000)
        }
        jumpTimes.sort()
        // 20 random events, and the first completed write: the event log then follows the
        // write-hole window, the costliest thing a frame draws.
        var frameEvents = (0..<20).map { _ in Int.random(in: 0..<timeline.count, using: &rng) }
        if let write = (0..<timeline.count).first(where: { WriteHoleTracker.mayChange($0, in: timeline) }) { frameEvents.append(write) }
        let frames = BenchRender.frameMilliseconds(timeline, at: frameEvents)
        let fields: [(String, JSONValue)] = [
            ("size_bytes", .int(Int64(bytes))),
            ("events", .int(Int64(timeline.count))),
            ("build_seconds", .decimal((buildSeconds * 1000).rounded() / 1000)),
            ("bytes_per_event", .decimal((Double(max(0, rssAfter - rssBefore)) / Double(timeline.count) * 10).rounded() / 10)),
            ("jump_ms_median", .decimal(jumpTimes[jumpTimes.count / 2])),
            ("jump_ms_max", .decimal(jumpTimes.last!)),
            ("render_ms", .decimal(frames.plain)),
            ("frame_ms_max", .decimal(frames.worst)),
        ]
        print(JSONValue.object(fields).encoded)
        _ = checksum
    }

    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// Resident set size from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }
}
