#ifndef STRIPESCOPE_CNCURSESW_SHIM_H
#define STRIPESCOPE_CNCURSESW_SHIM_H

// Wide-character ncurses: without this, add_wch, setcchar, get_wch and cchar_t are missing.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>

// Macros and globals Swift does not import (or, in Swift 6, rejects as shared state).
static inline WINDOW *ss_stdscr(void) { return stdscr; }
static inline WINDOW *ss_curscr(void) { return curscr; }
static inline int ss_lines(void) { return LINES; }
static inline int ss_cols(void) { return COLS; }
static inline attr_t ss_a_bold(void) { return A_BOLD; }
static inline attr_t ss_a_dim(void) { return A_DIM; }
static inline attr_t ss_a_reverse(void) { return A_REVERSE; }
static inline attr_t ss_a_underline(void) { return A_UNDERLINE; }
static inline int ss_key_f(int n) { return KEY_F(n); }
static inline int ss_color_pair(int n) { return COLOR_PAIR(n); }
static inline mmask_t ss_mouse_events(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED; }
static inline int ss_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int ss_wheel_down(mmask_t state) { return (state & BUTTON5_PRESSED) != 0; }

/// `newterm` on the standard streams (Swift 6 rejects the `stdin` / `stdout` globals);
/// unlike `initscr` it returns NULL for a terminal terminfo does not know.
static inline SCREEN *ss_newterm(void) { return newterm(NULL, stdout, stdin); }

/// The window size the kernel knows for standard output, or 0 on error.
static inline int ss_window_size(int *rows, int *cols) {
    struct winsize size;
    if (ioctl(1, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 1;
}

/// Writes one wide character with attributes and colour pair at (y, x).
static inline int ss_put_wch(int y, int x, wchar_t ch, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t text[2] = { ch, 0 };
    setcchar(&cell, text, attrs, pair, NULL);
    return mvadd_wch(y, x, &cell);
}

#endif
