package io.awslabs.resources;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which runs a search is after, and which run a found resource belongs to: by its name (every lab
 * resource is named {@code labs-<lab id>-<run id>...}, a run id being 8 lowercase letters and
 * digits) or by the run id of its {@code labs:run-id} tag.
 */
public interface RunMatcher {

    /** The run id a resource name (or description) belongs to, if it is one of the matched runs. */
    Optional<String> runOf(String name);

    /** Whether a run id read from a tag is one of the matched runs. */
    boolean includes(String runId);

    /** One run: any name containing its id. */
    static RunMatcher of(String runId) {
        return new RunMatcher() {
            @Override
            public Optional<String> runOf(String name) {
                return name != null && name.contains(runId) ? Optional.of(runId) : Optional.empty();
            }

            @Override
            public boolean includes(String candidate) {
                return runId.equals(candidate);
            }
        };
    }

    /**
     * Every run of these labs: the run id is what follows {@code labs-<lab id>-}. The lab ids are
     * needed because a suffix of 8 characters (such as {@code -receipts}) looks like a run id.
     */
    static RunMatcher anyRunOf(Collection<String> labIds) {
        String labs = String.join("|", labIds.stream().map(Pattern::quote).toList());
        Pattern pattern = Pattern.compile("labs-(?:" + labs + ")-([a-z][a-z0-9]{7})(?![a-z0-9])");
        return new RunMatcher() {
            @Override
            public Optional<String> runOf(String name) {
                if (name == null) {
                    return Optional.empty();
                }
                Matcher m = pattern.matcher(name);
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }

            @Override
            public boolean includes(String runId) {
                return runId != null;
            }
        };
    }
}
