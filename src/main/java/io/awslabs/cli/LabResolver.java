package io.awslabs.cli;

import io.awslabs.lab.Lab;
import io.awslabs.lab.LabCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns lab ids from the command line into labs, or a one-line error that suggests ids. */
final class LabResolver {
    private final LabCatalog catalog = new LabCatalog();

    Lab one(String id) {
        return catalog.find(id).orElseThrow(() -> unknown(id));
    }

    List<Lab> resolve(List<String> ids, boolean all) {
        if (all && !ids.isEmpty()) {
            throw new UsageException("give lab ids or --all, not both", "labs run --all, or labs run LAB...");
        }
        if (all) {
            return catalog.all();
        }
        if (ids.isEmpty()) {
            throw new UsageException("no lab given", "labs run LAB... or labs run --all; 'labs list' shows the ids");
        }
        Set<String> unique = new LinkedHashSet<>(ids);
        List<Lab> labs = new ArrayList<>();
        for (String id : unique) {
            labs.add(one(id));
        }
        return labs;
    }

    private UsageException unknown(String id) {
        List<String> close = catalog.closest(id);
        String suggestion = close.isEmpty() ? "'labs list' shows the lab ids"
                : "did you mean " + String.join(", ", close) + "? ('labs list' shows all)";
        return new UsageException("unknown lab '" + id + "'", suggestion);
    }
}
