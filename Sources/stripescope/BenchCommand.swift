import ArgumentParser
import Foundation
import StripeCore
import StripeUI

/// `stripescope bench`: the figures behind BENCHMARKS.md, as one JSON object.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Build the timeline of a large writeback and time it; prints one JSON object.",
        discussion: """
            Workloads (--workload; --layout replaces the workload's layout line): sequential
            (RAID5 over 5 devices with a 64K stripe unit,
            the whole file written page by page, then writepages sync); every-other-page
            (one write line a page, every other page, then writepages: every stripe
            partial); many-group-ios (groups of 3 devices, depth 2, pump=loop: an I/O
            every two stripes, all in flight in one call); cold-cache (the file on the
            devices, nothing cached, one page a stripe unit written: r4w reads the rest);
            small-commands (8 pages written and written back per pair of commands);
            in-flight (every page written, then written back with set max-io-pages=1: an
            I/O a page, a data and a parity write each, all in flight until writepages
            returns: two million requests in flight at 4G).
            Figures: events, build_seconds, ns_per_event, bytes_per_event (resident memory
            growth while building, per event), held_bytes_per_event (the bytes the timeline
            holds by its own count), first_frame_ms (the TUI's first 200x60 frame from the
            scenario's bytes: opened as tui opens a file, the events a screen shows built, with
            margin, then drawn; fastest of 5), jump_ms_median / jump_ms_max
            (state at 200 random events), render_ms (a 200x60 frame: the slowest of 20
            random events and the first write completion), frame_ms_max (the slowest of
            those frames with a page selected, help open, a search typed, the split screen,
            a question waiting for its answer or the crash browser too) and frame_ms_STATE
            for each (the bench puts an ask line after the layout line for the question);
            crash_open_ms (the slowest opening of the crash browser at those events);
            first_frame_tiny_ms and first_frame_ratio (the
            same workload on 16 pages); split_first_frame_ms, _tiny_ms and _ratio (the same for
            tui --compare, B being A: world A's first events, then the split frame; fastest of 5); fsync_, truncate_ and read_ms_x1, _ms_x4 and _ratio
            (--commands commands of that kind on a file of --size made with file size=, then
            4x as many); long_scenario_first_frame_ms, _tiny_ms and _ratio (the first frame of
            a 400,002-line scenario, a write line every other page of 800,000, from its bytes:
            decoded, parsed as far as the first events need, built and drawn; against the same
            text on 16 pages).
            """)

    @Option(help: "File size, like 64M or 1G.")
    var size: String = "1G"

    @Option(help: "sequential, every-other-page, many-group-ios, cold-cache, small-commands or in-flight.")
    var workload: String = BenchWorkload.sequential.rawValue

    @Option(help: "Random jumps to time.")
    var jumps: Int = 200

    @Option(help: "Replace the workload's layout line (without 'layout'), like 'raid6 devices=6 stripe-unit=64K'.")
    var layout: String?

    @Option(help: "Commands of each kind timed on a file of --size, and 4x as many (fsync, truncate, read).")
    var commands: Int = 64

    @OptionGroup var memory: MemoryOption

    func run() throws {
        guard let bytes = SizeFormat.parse(Substring(size)), bytes >= 64 << 10, bytes <= Limits.maxFileSize else {
            CLIFailure("--size: expected a size from 64K to 16G like 64M or 1G, found '\(size)'").exit()
        }
        guard let workload = BenchWorkload(rawValue: workload) else {
            CLIFailure("--workload: expected one of \(BenchWorkload.allCases.map(\.rawValue).joined(separator: ", ")), found \(self.workload.quotedExcerpt)").exit()
        }
        let pages = Int(bytes / pageSize)
        var text = workload.scenario(pages: pages)
        if let layout {
            guard !layout.contains(where: \.isNewline) else { CLIFailure("--layout: one layout line, without newlines").exit() }
            text = "layout \(layout)\n" + text.drop { $0 != "\n" }.dropFirst()
        }
        text = Self.asking(text)
        let scenario: Scenario
        do {
            scenario = try ScenarioParser.parse(text, name: "bench")
        } catch {
            CLIFailure("--layout: \(error)").exit()
        }
        let firstFrame = try Self.fastest { try Self.firstFrameMilliseconds(text, budget: memory.budget()) }

        let rssBefore = Self.residentBytes()
        let start = DispatchTime.now()
        let timeline = try memory.build(scenario)
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
        // The split screen's two worlds: B is A (their frames cost what two halves do).
        let split = Comparison(WorldPair(a: scenario, b: scenario))
        let (frames, crashOpen) = BenchRender.frameMilliseconds(timeline, at: frameEvents, split: split)
        // The first frame of the same workload on a tiny file: what "at once" is measured against.
        let tinyText = Self.asking(workload.scenario(pages: 16))
        let tiny = try ScenarioParser.parse(tinyText, name: "tiny")
        let tinyFirstFrame = try Self.fastest { try Self.firstFrameMilliseconds(tinyText, budget: memory.budget()) }
        // The split screen's first frame (tui --compare): world A's first events, B not built.
        let splitFirstFrame = try Self.fastest { try Self.splitFirstFrameMilliseconds(WorldPair(a: scenario, b: scenario), budget: memory.budget()) }
        let splitTinyFirstFrame = try Self.fastest { try Self.splitFirstFrameMilliseconds(WorldPair(a: tiny, b: tiny), budget: memory.budget()) }
        let longScenario = try BenchLongScenario.fields(budget: memory.budget())
        let fields: [(String, JSONValue)] = [
            ("workload", .string(workload.rawValue)),
            ("size_bytes", .int(Int64(bytes))),
            ("events", .int(Int64(timeline.count))),
            ("build_seconds", .decimal((buildSeconds * 1000).rounded() / 1000)),
            ("ns_per_event", .decimal((buildSeconds * 1e9 / Double(timeline.count) * 10).rounded() / 10)),
            ("bytes_per_event", .decimal((Double(max(0, rssAfter - rssBefore)) / Double(timeline.count) * 10).rounded() / 10)),
            ("held_bytes_per_event", .decimal((Double(timeline.heldBytes) / Double(timeline.count) * 10).rounded() / 10)),
            ("first_frame_ms", .decimal(BenchCommands.rounded(firstFrame))),
            ("first_frame_tiny_ms", .decimal(BenchCommands.rounded(tinyFirstFrame))),
            ("first_frame_ratio", .decimal(BenchCommands.rounded(firstFrame / tinyFirstFrame))),
            ("split_first_frame_ms", .decimal(BenchCommands.rounded(splitFirstFrame))),
            ("split_first_frame_tiny_ms", .decimal(BenchCommands.rounded(splitTinyFirstFrame))),
            ("split_first_frame_ratio", .decimal(BenchCommands.rounded(splitFirstFrame / splitTinyFirstFrame))),
            ("jump_ms_median", .decimal(jumpTimes[jumpTimes.count / 2])),
            ("jump_ms_max", .decimal(jumpTimes.last!)),
            ("render_ms", .decimal(frames[0])),
            ("frame_ms_max", .decimal(frames.max()!)),
        ] + zip(BenchRender.states, frames).map { ("frame_ms_\($0)", .decimal($1)) }
            + [("crash_open_ms", .decimal(BenchCommands.rounded(crashOpen)))]
            + BenchCommands.fields(pages: pages, count: commands)
            + longScenario
        print(JSONValue.object(fields).encoded)
        _ = checksum
    }

    /// `text` with a question for the `question` state's frames after its layout line.
    static func asking(_ text: String) -> String {
        text.prefix { $0 != "\n" } + "\n" + BenchRender.askLine + "\n" + text.drop { $0 != "\n" }.dropFirst()
    }

    /// The fastest of five runs of `body` (milliseconds): a first frame is a millisecond or
    /// less, which one run's warm-up or one preemption would double.
    static func fastest(_ body: () throws -> Double) rethrows -> Double {
        var fastest = Double.infinity
        for _ in 0..<5 { fastest = min(fastest, try body()) }
        return fastest
    }

    /// What `tui FILE` does before its first frame, from the file's bytes: open it as a
    /// stream (`ScenarioLoader.open`: parsed through its layout line and first 4 KiB),
    /// build the first events of a fresh run (the engine parses the lines it runs), draw.
    static func firstFrameMilliseconds(_ text: String, budget: MemoryBudget) throws -> Double {
        let bytes = Array(text.utf8)
        let start = DispatchTime.now()
        let scenario = try ScenarioLoader.open("bench.scn", bundled: [:]) { _ in bytes }
        let run: EngineRun
        do {
            run = try EngineRun(scenario, budget: budget)
        } catch {
            throw CLIFailure(error.description)
        }
        // Its engine thread would otherwise stay parked, holding the timeline.
        defer { run.cancel() }
        run.build(upTo: DebuggerModel.firstFrameEvents)
        var model = DebuggerModel(timeline: run.timeline, width: 200, height: 60)
        model.building = run.isFinished ? nil : run
        _ = model.view()
        return seconds(since: start) * 1000
    }

    /// What `tui --compare` does before its first frame: world A's first events, one of
    /// B's, then the split frame.
    static func splitFirstFrameMilliseconds(_ pair: WorldPair, budget: MemoryBudget) throws -> Double {
        let start = DispatchTime.now()
        let model: CompareModel
        do {
            model = try CompareModel(opening: pair, budget: budget, width: 200, height: 60)
        } catch {
            throw MemoryOption.compareFailure(error)
        }
        _ = model.view()
        let elapsed = seconds(since: start) * 1000
        // Their engine threads would otherwise stay parked, holding the timelines.
        model.a.building?.cancel()
        model.b.building?.cancel()
        return elapsed
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
