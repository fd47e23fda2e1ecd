import ArgumentParser
import Foundation
import StripeCore
import StripeUI

/// `stripescope layout`: where every page of a file goes, as the ORE computes it.
struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Print the ORE striping of a layout: a stripe map, or JSON per page.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Option(help: "raid0, raid5 or raid6.") var raid: String = "raid5"
    @Option(help: "Number of devices.") var devices: Int = 4
    @Option(help: "Stripe unit, a multiple of 4K (like 16K).") var stripeUnit: String = "16K"
    @Option(help: "Copies of every component.") var mirrors: Int = 1
    @Option(help: "Components per group.") var groupWidth: Int?
    @Option(help: "Stripes per group before the next group.") var groupDepth: Int?
    @Option(help: "File pages to map, N or A..B (default: a whole parity rotation).") var pages: String?
    @Option(help: "table or json.") var format: Format = .table
    @Option(help: "ore (the ORE's striping) or md (md's left-symmetric raid5/6; --format json).") var writePath: String = "ore"

    func run() throws {
        guard let level = RaidLevel(rawValue: raid) else {
            throw CLIFailure("raid: expected raid0, raid5 or raid6, found \(raid.quotedExcerpt)")
        }
        guard let unit = SizeFormat.parse(Substring(stripeUnit)) else {
            throw CLIFailure("stripe-unit: expected a size like 16K, found \(stripeUnit.quotedExcerpt)")
        }
        guard unit < 1 << 32 else {
            throw CLIFailure("stripe-unit: \(stripeUnit.excerpt) is too large; the stripe length (group width × stripe unit) must be below 2^32 bytes")
        }
        guard devices >= 1, devices <= Limits.maxDevices else {
            throw CLIFailure("devices: must be from 1 to \(Limits.maxDevices) (got \(devices))")
        }
        if let depth = groupDepth, depth < 1 { throw CLIFailure("group-depth: must be greater than 0 (got \(depth))") }
        let layout: OreLayout
        do {
            layout = try OreLayout(raid: level, devices: devices, stripeUnit: unit, mirrors: mirrors,
                                   groupWidth: groupWidth, groupDepth: groupDepth.map(UInt64.init))
        } catch {
            throw CLIFailure(error.description)
        }
        if let notice = OreLayout.ignoredDepthNotice(groupWidth: groupWidth, groupDepth: groupDepth.map(UInt64.init)) {
            FileHandle.standardError.write(Data("stripescope: warning: \(notice)\n".utf8))
        }
        let range = try pageRange(layout)
        guard writePath == "ore" || writePath == "md" else {
            throw CLIFailure("write-path: expected ore or md, found \(writePath.quotedExcerpt)")
        }
        if writePath == "md" {
            if let why = ScenarioParser.mdRejects(layout) { throw CLIFailure(why) }
            guard format == .json else { throw CLIFailure("write-path md: the table is the ORE's; md's map is --format json") }
            print(JSONValue.array(range.map { Self.mdPage($0, MdGeometry(layout: layout)) }).encoded)
            return
        }
        switch format {
        case .table:
            let stripes = (range.lowerBound / layout.pagesInStripe)..<(range.upperBound / layout.pagesInStripe + 1)
            // 80 columns: the table drops page ranges rather than wrap in a standard terminal.
            LayoutTable(layout: layout, stripes: stripes).lines(width: 80).forEach { print($0) }
        case .json:
            let objects = range.map { page -> JSONValue in
                let si = layout.stripeInfo(at: UInt64(page) * pageSize)
                return .object([
                    ("index", .int(Int64(page))), ("dev", .int(Int64(si.dev))), ("obj_offset", .int(Int64(si.objOffset))),
                    ("stripe", .int(Int64(si.stripe))), ("group", .int(Int64(si.group))), ("cycle", .int(Int64(si.cycle))),
                    ("parity_dev", si.parityDev.map { .int(Int64($0)) } ?? .null),
                    ("q_dev", si.qDev.map { .int(Int64($0)) } ?? .null),
                ])
            }
            print(JSONValue.array(objects).encoded)
        }
    }

    /// One page of md's map, with the ORE map's names: `stripe` is md's chunk row;
    /// md has no groups or cycles.
    private static func mdPage(_ page: Int, _ md: MdGeometry) -> JSONValue {
        let (dev, objPage) = md.location(ofPage: page)
        let stripe = md.stripe(ofPage: page)
        let parity = md.parityDevices(stripe: stripe)
        return .object([
            ("index", .int(Int64(page))), ("dev", .int(Int64(dev))), ("obj_offset", .int(Int64(objPage * pageSize))),
            ("stripe", .int(Int64(stripe))), ("group", .int(0)), ("cycle", .int(0)),
            ("parity_dev", .int(Int64(parity[0]))), ("q_dev", parity.count > 1 ? .int(Int64(parity[1])) : .null),
        ])
    }

    private func pageRange(_ layout: OreLayout) throws -> ClosedRange<Int> {
        guard let pages else {
            let stripes = LayoutTable.defaultStripes(layout)
            return 0...(stripes.upperBound * layout.pagesInStripe - 1)
        }
        let parts = pages.split(separator: ".", omittingEmptySubsequences: false)
        let bad = CLIFailure("pages: expected N or A..B with A <= B (like 0..23), found \(pages.quotedExcerpt)")
        if parts.count == 1, let n = Int(parts[0]), n >= 0, n <= Limits.maxPageIndex { return n...n }
        guard parts.count == 3, parts[1].isEmpty, let a = Int(parts[0]), let b = Int(parts[2]), a >= 0, a <= b else { throw bad }
        guard b <= Limits.maxPageIndex, b - a < 1 << 20 else {
            throw CLIFailure("pages: at most 1048576 pages up to page \(Limits.maxPageIndex), found \(pages.quotedExcerpt)")
        }
        return a...b
    }
}
