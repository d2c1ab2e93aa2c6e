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
            throw new UsageException(new ErrorText("labsAndAll"));
        }
        if (all) {
            return catalog.all();
        }
        if (ids.isEmpty()) {
            throw new UsageException(new ErrorText("noLab"));
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
        return new UsageException(close.isEmpty() ? new ErrorText("unknownLab", id)
                : new ErrorText("unknownLabClose", id, String.join(", ", close)));
    }
}
