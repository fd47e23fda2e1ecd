import StripeCore

/// The layout explorer: change RAID level, devices, stripe unit, mirrors and groups
/// with single keys and watch the stripe map follow.
public struct ExplorerModel: TerminalProgram {
    public var raid = RaidLevel.raid5
    public var devices = 4
    public var stripeUnit: UInt64 = 16 << 10
    public var mirrors = 1
    /// nil: one group as wide as the devices allow.
    public var groupWidth: Int?
    public var groupDepth: UInt64 = 2
    /// The last valid layout, shown while the parameters are invalid.
    public private(set) var layout: OreLayout
    public private(set) var error: String?
    public var help = false
    /// The key bindings in force.
    public var keys = KeyMap.defaults
    public var message: String?
    public var width: Int
    public var height: Int
    public var theme: Theme

    public init(width: Int, height: Int, ascii: Bool = false, monochrome: Bool = false) {
        self.width = width
        self.height = height
        theme = Theme(ascii: ascii, monochrome: monochrome)
        layout = try! OreLayout(raid: .raid5, devices: 4, stripeUnit: 16 << 10)
    }

    public var wantsTicks: Bool { false }

    public mutating func update(_ msg: DebuggerMsg) -> Bool {
        switch msg {
        case .resize(let w, let h):
            width = w
            height = h
        case .tick, .done:
            break
        case .notice(let text):
            message = text
        case .key(let key):
            if help {
                help = false
                return true
            }
            message = nil
            switch keys.action(for: key, in: .explorer) {
            case .quit: return false
            case .nextRaid:
                let levels = RaidLevel.allCases
                raid = levels[(levels.firstIndex(of: raid)! + 1) % levels.count]
            case .fewerDevices: devices = max(1, devices - 1)
            case .moreDevices: devices = min(Limits.maxDevices, devices + 1)
            case .smallerUnit: stripeUnit = max(pageSize, stripeUnit / 2)
            case .largerUnit: stripeUnit = min(1 << 30, stripeUnit * 2)
            case .fewerMirrors: mirrors = max(1, mirrors - 1)
            case .moreMirrors: mirrors += 1
            case .narrowerGroups: groupWidth = groupWidth.map { $0 > 1 ? $0 - 1 : nil } ?? max(1, devices / mirrors - 1)
            case .widerGroups: groupWidth = groupWidth.map { $0 + 1 }
            case .shallowerGroups: groupDepth = max(1, groupDepth - 1)
            case .deeperGroups: groupDepth += 1
            case .help: help = true
            default:
                if !key.isMouse { message = keys.unboundReason(key, in: .explorer) }
                return true
            }
            revalidate()
        }
        return true
    }

    private mutating func revalidate() {
        do {
            let groups = groupWidth.map { devices / mirrors / max(1, $0) } ?? 1
            layout = try OreLayout(raid: raid, devices: devices, stripeUnit: stripeUnit, mirrors: mirrors,
                                   groupWidth: groupWidth, groupDepth: groups > 1 || groupWidth != nil ? groupDepth : nil)
            error = nil
        } catch {
            self.error = error.description
        }
    }

    public func view() -> Screen {
        var screen = Screen(width: width, height: height)
        guard width >= 40, height >= 8 else {
            screen.put("StripeScope explore needs 40×8 or more (q quits)", x: 0, y: 0, style: .bold)
            return screen
        }
        let header = Rect(x: 0, y: 0, width: width, height: 1)
        screen.fill(header, style: theme.header)
        screen.put(" StripeScope │ layout explorer │ \(layout.summary)", x: 0, y: 0, style: theme.header, clip: header)
        let errorLines = error.map { "invalid: \($0); the map shows the last valid layout".wrapped(to: width - 2) } ?? []
        let (body, footer) = Rect(x: 0, y: 1, width: width, height: height - 1).splitBottom(2 + errorLines.count)
        screen.box(body, title: "stripe map", glyphs: theme.box)
        LayoutTable(layout: layout, stripes: LayoutTable.defaultStripes(layout))
            .draw(into: &screen, rect: body.inset(1), theme: theme)
        let group = groupWidth.map { "\($0) × depth \(groupDepth)" } ?? "one group"
        let params = "raid \(raid.rawValue)  devices \(devices)  stripe unit \(SizeFormat.string(stripeUnit))  mirrors \(mirrors)  group \(group)"
        screen.put(params, x: 1, y: footer.y, style: .bold, clip: footer)
        for (n, line) in errorLines.enumerated() {
            screen.put(line, x: 1, y: footer.y + 1 + n, style: theme.error, clip: footer)
        }
        screen.put(message ?? keys.keyBar(.explorer, width: width - 2), x: 1, y: footer.maxY - 1, style: theme.label, clip: footer)
        if help {
            let rows = keys.rows(.explorer)
            let keyWidth = (rows.map(\.label.count).max() ?? 0) + 2
            let lines = rows.map { $0.label + String(repeating: " ", count: keyWidth - $0.label.count) + $0.help } + ["", "any key closes this help"]
            let rect = Rect(x: max(0, width / 2 - 30), y: max(1, height / 2 - 6), width: min(width, 60), height: min(height - 1, lines.count + 2))
            screen.fill(rect)
            screen.box(rect, title: "explorer keys", glyphs: theme.box, style: .bold)
            for (n, line) in lines.enumerated() { screen.put(line, x: rect.x + 2, y: rect.y + 1 + n, clip: rect.inset(1)) }
        }
        if theme.ascii { screen.asciify() }
        return screen
    }
}
