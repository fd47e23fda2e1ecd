import Testing
import StripeCore
import StripeUI

struct LayoutTableTests {
    @Test func raid5RotatesParityLeft() throws {
        let layout = try OreLayout(raid: .raid5, devices: 4, stripeUnit: 16 << 10)
        let table = LayoutTable(layout: layout, stripes: 0..<4)
        #expect(table.rows[1] == ["s0", "D0 0-3", "D1 4-7", "D2 8-11", "P"])
        #expect(table.rows[2] == ["s1", "D1 16-19", "D2 20-23", "P", "D0 12-15"])
        #expect(table.rows[4] == ["s3", "P", "D0 36-39", "D1 40-43", "D2 44-47"])
    }

    @Test func mirrorsShowEveryCopy() throws {
        let layout = try OreLayout(raid: .raid5, devices: 6, stripeUnit: 4096, mirrors: 2)
        let table = LayoutTable(layout: layout, stripes: 0..<1)
        #expect(table.rows[1] == ["s0", "D0 0", "D0 0", "D1 1", "D1 1", "P", "P"])
    }
}
