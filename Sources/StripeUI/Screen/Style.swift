/// Terminal colours: the eight basic ones, which every terminal and projector shows.
public enum Color: UInt8, Sendable, CaseIterable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
}

/// Text attributes, which carry meaning on monochrome terminals.
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)
}

/// How a run of cells looks.
public struct Style: Sendable, Hashable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(_ foreground: Color = .default, on background: Color = .default, _ attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()
    public static let bold = Style(.default, [.bold])
    public static let dim = Style(.default, [.dim])
    public static let reverse = Style(.default, [.reverse])

    public init(_ foreground: Color, _ attributes: Attributes) {
        self.init(foreground, on: .default, attributes)
    }
}
