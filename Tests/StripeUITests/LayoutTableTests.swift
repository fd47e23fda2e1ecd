import Testing
import StripeCore
import StripeUI

/// The stripe map shared by `stripescope layout` and the explorer.
struct LayoutTableTests {
    @Test func raid5RotatesParityLeft() throws {
        let layout = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 16 << 10)
        let rows = LayoutTable(layout: layout, stripes: 0..<4).rows()
        #expect(rows[0] == ["stripe", "dev0", "dev1", "dev2", "dev3"])
        #expect(rows[1] == ["s0", "D0 0-3", "D1 4-7", "D2 8-11", "P"])
        #expect(rows[2] == ["s1", "D1 16-19", "D2 20-23", "P", "D0 12-15"])
        #expect(rows[4] == ["s3", "P", "D0 36-39", "D1 40-43", "D2 44-47"])
    }

    /// RAID6, 5 devices: P and Q side by side, moving two devices left per stripe; Q
    /// wraps to dev 0 in stripe 2.
    @Test func raid6LabelsPAndQ() throws {
        let layout = try OreLayout(raid: .raid6, devices: 5, stripeUnit: 4096)
        let rows = LayoutTable(layout: layout, stripes: 0..<3).rows()
        #expect(rows[1] == ["s0", "D0 0", "D1 1", "D2 2", "P", "Q"])
        #expect(rows[2] == ["s1", "D2 5", "P", "Q", "D0 3", "D1 4"])
        #expect(rows[3] == ["s2", "Q", "D0 6", "D1 7", "D2 8", "P"])
    }

    @Test func raid0HasNoParity() throws {
        let layout = try OreLayout(raid: .raid0, devices: 3, stripeUnit: 4096)
        let rows = LayoutTable(layout: layout, stripes: 0..<2).rows()
        #expect(rows[1] == ["s0", "D0 0", "D1 1", "D2 2"])
        #expect(rows[2] == ["s1", "D0 3", "D1 4", "D2 5"])
    }

    @Test func mirrorsShowEveryCopy() throws {
        let layout = try OreLayout(raid: .raid5, devices: 6, stripeUnit: 4096, mirrors: 2)
        let table = LayoutTable(layout: layout, stripes: 0..<1)
        #expect(table.rows()[1] == ["s0", "D0 0", "D0 0", "D1 1", "D1 1", "P", "P"])
    }

    /// Groups add group and cycle columns; devices of other groups stay empty.
    @Test func groupsShowGroupAndCycle() throws {
        let layout = try OreLayout(raid: .raid5, devices: 9, stripeUnit: 4096, groupWidth: 3, groupDepth: 2)
        let rows = LayoutTable(layout: layout, stripes: 0..<7).rows()
        #expect(rows[0].prefix(4) == ["stripe", "group", "cycle", "dev0"])
        #expect(rows[3] == ["s2", "1", "0", "", "", "", "D0 4", "D1 5", "P", "", "", ""])
        #expect(rows[7] == ["s6", "0", "1", "D0 12", "D1 13", "P", "", "", "", "", "", ""])
    }

    /// Eight devices of 16K: page ranges do not fit 80 columns, first pages do.
    @Test func eightDevicesFitEightyColumns() throws {
        let layout = try OreLayout(raid: .raid5, devices: 8, stripeUnit: 16 << 10)
        let table = LayoutTable(layout: layout, stripes: LayoutTable.defaultStripes(layout))
        let wide = table.lines()
        #expect(wide.contains { $0.count > 80 })
        #expect(wide[2].hasPrefix("s0      D0 0-3      D1 4-7"))
        let narrow = table.lines(width: 80)
        #expect(narrow.allSatisfy { $0.count <= 80 })
        #expect(narrow.count == 1 + 1 + 8)
        #expect(narrow[2] == "s0      D0 0    D1 4    D2 8    D3 12   D4 16   D5 20   D6 24   P")
        #expect(narrow[9] == "s7      P       D0 196  D1 200  D2 204  D3 208  D4 212  D5 216  D6 220")
        let columns = table.lines(width: 50)
        #expect(columns[columns.count - 1].split(separator: " ") == ["s7", "P", "D0", "D1", "D2", "D3", "D4", "D5", "D6"])
    }

    /// A long caption breaks after a comma rather than inside a clause.
    @Test func captionWrapsAtClauses() throws {
        let layout = try OreLayout(raid: .raid5, devices: 9, stripeUnit: 4096, groupWidth: 3, groupDepth: 2)
        let lines = LayoutTable(layout: layout, stripes: 0..<1).lines(width: 80)
        #expect(lines[0] == "raid5: 9 devices, stripe unit 4K (1 page), 2 data + 1 parity units per stripe,")
        #expect(lines[1] == "3 groups of 3, 2 stripes deep")
    }

    /// Drawn into a screen, parity cells carry the parity style where the text says P.
    @Test func drawHighlightsParity() throws {
        let layout = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 16 << 10)
        var screen = Screen(width: 60, height: 8)
        let theme = Theme(ascii: false, monochrome: false)
        LayoutTable(layout: layout, stripes: 0..<4).draw(into: &screen, rect: Rect(x: 2, y: 1, width: 56, height: 6), theme: theme)
        #expect(screen.lines[1] == "  raid5: 4 devices, stripe unit 16K (4 pages),")
        #expect(screen.lines[2] == "  3 data + 1 parity units per stripe")
        #expect(screen.lines[4] == "  s0      D0 0-3    D1 4-7    D2 8-11   P")
        var parity: [(Int, Int)] = []
        for y in 0..<screen.height {
            for x in 0..<screen.width where screen[x, y].foreground == .magenta { parity.append((x, y)) }
        }
        #expect(parity.map { "\($0.0),\($0.1)" } == ["40,4", "30,5", "20,6"])
        #expect(parity.allSatisfy { screen[$0.0, $0.1].character == "P" })
        #expect(screen.lines[7].isEmpty, "rows past the rectangle are clipped")
    }
}
