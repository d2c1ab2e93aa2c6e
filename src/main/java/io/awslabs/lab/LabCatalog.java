package io.awslabs.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every lab on the class path, found through {@link ServiceLoader}, sorted by id. */
public final class LabCatalog {

    /** Fresh lab instances: a lab keeps per-run state in its fields. */
    public List<Lab> all() {
        List<Lab> labs = new ArrayList<>();
        ServiceLoader.load(Lab.class).forEach(labs::add);
        labs.sort(Comparator.comparing(l -> l.info().id()));
        return labs;
    }

    public Optional<Lab> find(String id) {
        return all().stream().filter(l -> l.info().id().equals(id)).findFirst();
    }

    public List<String> ids() {
        return all().stream().map(l -> l.info().id()).toList();
    }

    /** Ids close to a mistyped one (edit distance, or one containing the other), closest first. */
    public List<String> closest(String typo) {
        return ids().stream()
                .filter(id -> id.contains(typo) || typo.contains(id) || distance(id, typo) <= Math.max(3, typo.length() / 3))
                .sorted(Comparator.comparingInt(id -> distance(id, typo)))
                .limit(3)
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
