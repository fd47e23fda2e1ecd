import Testing
@testable import StripeCore

/// `file size=` no longer writes the file to the devices: each object page's content is
/// implied by the file and the page. Writing every page and every parity row, as the
/// model once did (kept here as the oracle), gives the same tokens and object sizes.
struct InitialContentsTests {
    static let layouts = RandomScenario.layouts + RandomScenario.raid6Layouts

    @Test(arguments: 0..<40 as Range<UInt64>)
    func impliedContentIsWhatWritingTheFileStores(_ seed: UInt64) throws {
        var rng = SeededGenerator(state: seed)
        let layoutLine = Self.layouts.randomElement(using: &rng)!
        let size = UInt64.random(in: 1...400_000, using: &rng)
        let t = try run("\(layoutLine)\nfile size=\(size)\n")
        let state = t.state(at: t.count - 1)
        let layout = try #require(state.layout)
        // The oracle: every data page on its devices, every parity row of every stripe.
        var stored: [Int: [UInt64: UInt64]] = [:]
        var sizes = Array(repeating: UInt64(0), count: layout.devices)
        let pages = Int((size + pageSize - 1) / pageSize)
        for index in 0..<pages {
            let location = layout.location(ofPage: index)
            for dev in layout.devicesHolding(page: index) {
                stored[dev, default: [:]][location.objPage] = Token.initial(page: index, fileSize: size)
                sizes[dev] = max(sizes[dev], location.objPage * pageSize + min(pageSize, size - UInt64(index) * pageSize))
            }
        }
        if layout.parity > 0 {
            for stripe in 0..<UInt64((pages + layout.pagesInStripe - 1) / layout.pagesInStripe) {
                for row in 0..<layout.pagesInUnit {
                    let parity = ParityScheme.parity(stripe: stripe, row: row, layout: layout) { $0 < pages ? Token.initial(page: $0, fileSize: size) : 0 }
                    for (slot, token) in zip(layout.paritySlots(stripe: stripe, row: row), parity) {
                        for dev in slot.devs {
                            stored[dev, default: [:]][slot.objPage] = token
                            sizes[dev] = max(sizes[dev], (slot.objPage + 1) * pageSize)
                        }
                    }
                }
            }
        }
        for dev in 0..<layout.devices {
            #expect(state.devices[dev].objectSize == sizes[dev], "\(layoutLine) size \(size) dev \(dev)")
            for objPage in 0..<(Int(sizes[dev] / pageSize) + 3) {
                #expect(state.devices[dev].token(at: objPage) == stored[dev]?[UInt64(objPage)] ?? 0,
                        "\(layoutLine) size \(size) dev \(dev) object page \(objPage)")
            }
        }
    }
}
