import CNCursesW
import StripeUI

/// Turns the key codes `wgetch` returns for escape sequences into keys (typed
/// characters are decoded by the run loop, see `UTF8KeyDecoder`).
enum KeyDecoder {
    /// A key code (256 and above); nil for keys the program has no use for.
    static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            if ss_wheel_up(event.bstate) != 0 { return .wheel(x: Int(event.x), y: Int(event.y), down: false) }
            if ss_wheel_down(event.bstate) != 0 { return .wheel(x: Int(event.x), y: Int(event.y), down: true) }
            return .click(x: Int(event.x), y: Int(event.y))
        default:
            for n in 1...12 where code == ss_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }
}
