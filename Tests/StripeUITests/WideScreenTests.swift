import Testing
@testable import StripeCore
@testable import StripeUI

/// SPEC 9.1: wide characters take two cells, and a map wider than its box scrolls
/// sideways without losing the focused stripe's parity or write-hole mark.
struct WideScreenTests {
    /// Columns on a terminal, counted apart from the code under test: CJK ideographs and
    /// fullwidth forms take two.
    static func terminalColumns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { sum, scalar in
            sum + ((0x4E00...0x9FFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value) || (0x3000...0x303F).contains(scalar.value) ? 2 : 1)
        }
    }

    @Test func aCJKTitleAndNoteFitEveryLine() throws {
        let text = """
        title 条带写入测试：部分条带的读改写与奇偶校验更新过程演示，标题比八十列的终端还要宽得多
        layout raid5 devices=4 stripe-unit=4K
        note 这是一条没有空格的中文注释，用来检查宽字符在终端中占两个单元格，没有任何一行比终端更宽，而且注释在回车键的窗口里完整显示。
        write 0..2
        writepages sync
        """
        let t = Engine.run(try ScenarioParser.parse(text, name: "cjk.scn"))
        for (w, h) in [(80, 24), (120, 40)] {
            var model = DebuggerModel(timeline: t, width: w, height: h)
            for seq in 0..<t.count {
                model.move(to: seq)
                for mode in [DebuggerModel.Mode.normal, .detail] {
                    model.mode = mode
                    for line in model.view().lines {
                        #expect(Self.terminalColumns(line) <= w, "\(w)x\(h) event \(seq): \(line)")
                    }
                }
                model.mode = .normal
            }
            // The title is there, cut with an ellipsis.
            #expect(model.view().lines[0].contains("条带写入测试") && model.view().lines[0].contains("…"))
            // Enter shows the note whole, wrapped where it has no spaces.
            model.mode = .detail
            let detail = EventDetailOverlay(model: model).lines(width: w - 6).joined()
            #expect(detail.contains("而且注释在回车键的窗口里完整显示。"))
        }
    }

    /// A write hole on a wide array: at every event from the write's submission on, the
    /// map's row of the first stripe the event touches shows that stripe's P and, while
    /// its parity disagrees with its data, the `!`.
    @Test(arguments: [(8, 80, 24), (16, 120, 40)])
    func manyDevicesKeepTheParityInView(devices: Int, width: Int, height: Int) throws {
        let text = """
        title many devices
        layout raid5 devices=\(devices) stripe-unit=4K
        file size=\(devices * 16)K
        completions manual
        write \(devices * 2 + devices / 2)
        writepages sync
        note the data write and its parity are in flight
        complete 1
        note one landed: the window is open
        complete 1
        """
        let t = Engine.run(try ScenarioParser.parse(text, name: "wide.scn"))
        var model = DebuggerModel(timeline: t, width: width, height: height)
        var sawHole = false
        var sawScroll = false
        for seq in 0..<t.count {
            model.move(to: seq)
            guard let layout = model.state.layout, let stripe = FocusFollowsIOTests.touched(seq, in: t, layout: layout).min() else { continue }
            let lines = model.view().lines
            let row = try #require(DamagePersistenceTests.row(lines, box: "stripe map", stripe: stripe), "event \(seq): no row s\(stripe)")
            #expect(row.contains("P "), "event \(seq): \(row)")
            if !model.state.isParityConsistent(stripe: UInt64(stripe)) {
                sawHole = true
                #expect(row.contains("!"), "event \(seq): \(row)")
            }
            if lines.contains(where: { $0.contains("stripe map (dev") && $0.contains("of \(devices) →)") }) { sawScroll = true }
        }
        #expect(sawHole)
        #expect(sawScroll)
    }
}
