package io.awslabs.text;

/**
 * How many terminal columns a text takes: a Chinese character or full-width punctuation takes
 * two, so tables padded by {@link String#length} would not line up (the East Asian Wide and
 * Fullwidth ranges of Unicode's UAX #11).
 */
public final class Columns {
    private Columns() { }

    public static int of(String text) {
        return text.codePoints().map(Columns::width).sum();
    }

    /** {@code text} followed by spaces up to {@code columns} columns. */
    public static String pad(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - of(text)));
    }

    private static int width(int c) {
        boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF)
                || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
