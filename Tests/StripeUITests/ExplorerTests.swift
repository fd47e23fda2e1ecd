import Testing
@testable import StripeCore
@testable import StripeUI

/// The layout explorer: its keys, its validation line, and its screens.
struct ExplorerTests {
    /// Presses `keys` (one character each) and returns whether the explorer still runs.
    @discardableResult
    func press(_ m: inout ExplorerModel, _ keys: String) -> Bool {
        keys.allSatisfy { m.update(.key(.character($0))) }
    }

    @Test func snapshots() {
        for (w, h) in [(120, 40), (80, 24)] {
            assertSnapshot(ExplorerModel(width: w, height: h, monochrome: true).view(), named: "explorer-\(w)x\(h)")
        }
    }

    /// Eight devices fit 80 columns; an invalid layout says why under the last valid map.
    @Test func eightDevicesAndAnErrorSnapshot() {
        var m = ExplorerModel(width: 80, height: 24, monochrome: true)
        press(&m, "DDDD")
        #expect(m.layout.devices == 8)
        press(&m, "w")
        #expect(m.error == "devices: must be a multiple of mirrors × group width (8 devices, 1 × 7)")
        assertSnapshot(m.view(), named: "explorer-8-devices-invalid-80x24")
    }

    @Test func keysChangeTheLayout() {
        var m = ExplorerModel(width: 120, height: 40)
        #expect(m.layout == (try! OreLayout(raid: .raid5, devices: 4, stripeUnit: 16 << 10)))
        press(&m, "D")
        #expect(m.layout.devices == 5)
        press(&m, "dd")
        #expect(m.layout.devices == 3)
        press(&m, "uU U")
        #expect(m.layout.stripeUnit == 32 << 10)
        press(&m, "r")
        #expect(m.layout.raid == .raid6 && m.layout.dataDevices == 1)
        #expect(m.view().text.contains("raid6: 3 devices"))
        press(&m, "r")
        #expect(m.layout.raid == .raid0)
        press(&m, "rD")
        #expect(m.layout == (try! OreLayout(raid: .raid5, devices: 4, stripeUnit: 32 << 10)))
        press(&m, "M")
        #expect(m.layout.mirrors == 2 && m.layout.groupWidth == 2)
        press(&m, "mm")
        #expect(m.layout.mirrors == 1)
    }

    /// `w` from one group proposes one component fewer; a valid split shows its groups.
    @Test func groupsFromTheKeys() {
        var m = ExplorerModel(width: 120, height: 40)
        press(&m, "w")
        #expect(m.groupWidth == 3)
        #expect(m.error?.hasPrefix("devices: must be a multiple") == true)
        press(&m, "w")
        #expect(m.error == nil)
        #expect(m.layout.groupWidth == 2 && m.layout.groupCount == 2 && m.layout.groupDepth == 2)
        press(&m, "G")
        #expect(m.layout.groupDepth == 3)
        press(&m, "gggg")
        #expect(m.layout.groupDepth == 1)
        press(&m, "W")
        #expect(m.groupWidth == 3 && m.error != nil && m.layout.groupWidth == 2)
        press(&m, "W")
        // An explicit group width keeps its depth even for one group (ore_verify_layout, SPEC 2).
        #expect(m.layout.groupWidth == 4 && m.layout.groupCount == 1 && m.layout.groupDepth == 1 && m.error == nil)
    }

    /// An invalid layout keeps the last valid map and shows the rule in the error style.
    @Test func invalidLayoutShowsTheRuleInRed() throws {
        var m = ExplorerModel(width: 80, height: 24)
        press(&m, "ddd")
        #expect(m.layout.devices == 2)
        #expect(m.error == "devices: raid5 needs at least 2 devices (one data device at least; got 1)")
        let screen = m.view()
        let y = try #require(screen.lines.firstIndex { $0.contains("invalid: devices") })
        let x = try #require(Array(screen.lines[y]).firstIndex(of: "i"))
        #expect(screen[x, y].foreground == .red)
        // Wrapped, not cut: the whole rule is on the screen.
        #expect(screen.lines.map { $0.drop { $0 == " " } }.joined(separator: " ").contains("(one data device at least; got 1)"))
        #expect(screen.text.contains("raid5: 2 devices"))
        press(&m, "r")
        #expect(m.error == "devices: raid6 needs at least 3 devices (one data device at least; got 1)")
        press(&m, "r")
        #expect(m.error == nil && m.layout.devices == 1)
        #expect(!m.view().text.contains("invalid"))
    }

    @Test func quitKeysAndHelp() {
        for key in [Key.character("q"), .function(10), .control("c")] {
            var m = ExplorerModel(width: 80, height: 24)
            let running = m.update(.key(key))
            #expect(!running, "\(key) quits")
        }
        var m = ExplorerModel(width: 80, height: 24)
        press(&m, "?")
        #expect(m.help && m.view().text.contains("explorer keys"))
        // The key that closes the help does nothing else.
        press(&m, "D")
        #expect(!m.help && m.layout.devices == 4)
        let afterF1 = m.update(.key(.function(1)))
        #expect(afterF1 && m.help)
        let stillRunning = press(&m, "q")
        #expect(stillRunning && !m.help, "q closes the help first")
        let afterResize = m.update(.resize(width: 100, height: 30))
        #expect(afterResize && m.view().width == 100 && m.view().height == 30)
    }

    /// Any sequence of keys at any size: the model stays consistent and every screen draws.
    @Test func randomKeysNeverBreakIt() {
        var rng = SplitMix(seed: 0x5EED)
        let keys = Array("rdDuUmMwWgG?x")
        let sizes = [(80, 24), (120, 40), (40, 8), (20, 5), (200, 60)]
        for _ in 0..<40 {
            var m = ExplorerModel(width: 80, height: 24)
            for _ in 0..<60 {
                let (w, h) = sizes[rng.next(sizes.count)]
                _ = m.update(.resize(width: w, height: h))
                _ = m.update(.key(.character(keys[rng.next(keys.count)])))
                let screen = m.view()
                #expect(screen.width == w && screen.height == h)
                if m.error == nil {
                    #expect(m.layout.devices == m.devices && m.layout.raid == m.raid)
                    #expect(m.layout.stripeUnit == m.stripeUnit && m.layout.mirrors == m.mirrors)
                } else if w >= 80, h >= 24, !m.help {
                    #expect(screen.text.contains("invalid: "))
                }
            }
        }
    }
}

/// A small deterministic generator, so a failing key sequence replays.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
