package io.awslabs.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The known names closest to a mistyped one, by edit distance: what "did you mean" offers. */
final class Closest {
    private Closest() { }

    /**
     * The names within {@code maxDistance} edits of {@code typo} that are closest to it (a tie
     * gives several, at most {@code limit}): "--verbsoe" suggests --verbose, not --version too.
     */
    static List<String> to(String typo, Collection<String> names, int maxDistance, int limit) {
        int best = names.stream().mapToInt(n -> distance(n, typo)).min().orElse(Integer.MAX_VALUE);
        return names.stream()
                .filter(n -> distance(n, typo) == best && best <= maxDistance)
                .sorted(Comparator.naturalOrder())
                .distinct()
                .limit(limit)
                .toList();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
