package io.awslabs.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps prose to a number of terminal columns in either language. English breaks only at
 * spaces; Chinese has none between words, so a line may also break between two Chinese
 * characters, but never before closing punctuation (，。） and the like) nor after opening
 * punctuation (（ 「), which would strand it at the edge of a line.
 */
public final class LineBreaks {
    private static final String NO_BREAK_BEFORE = "，。、；：！？）》」』】〕”’…";
    private static final String NO_BREAK_AFTER = "（《「『【〔“‘";

    private LineBreaks() { }

    /** {@code text} in lines of at most {@code columns} columns; a word wider than that keeps a line to itself. */
    public static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.replace('\n', ' ').split(" ")) {
            List<String> pieces = pieces(word);
            for (int i = 0; i < pieces.size(); i++) {
                String separator = i == 0 && line.length() > 0 ? " " : "";
                String piece = pieces.get(i);
                if (line.length() > 0 && Columns.of(line + separator + piece) > columns) {
                    lines.add(line.toString());
                    line.setLength(0);
                    separator = "";
                }
                line.append(separator).append(piece);
            }
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** A word cut where a line may break inside it: between wide characters, punctuation permitting. */
    private static List<String> pieces(String word) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int[] points = word.codePoints().toArray();
        int offset = 0;
        for (int i = 0; i < points.length; i++) {
            if (i > 0 && breakable(points[i - 1], points[i])) {
                pieces.add(word.substring(start, offset));
                start = offset;
            }
            offset += Character.charCount(points[i]);
        }
        pieces.add(word.substring(start));
        return pieces;
    }

    private static boolean breakable(int before, int after) {
        return (wide(before) || wide(after))
                && NO_BREAK_BEFORE.indexOf(after) < 0 && NO_BREAK_AFTER.indexOf(before) < 0;
    }

    private static boolean wide(int codePoint) {
        return Columns.of(Character.toString(codePoint)) == 2;
    }
}
