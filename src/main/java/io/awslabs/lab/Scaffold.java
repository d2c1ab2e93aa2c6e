package io.awslabs.lab;

import io.awslabs.text.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a challenge's scaffold gave the learner, kept between commands: each resource by its role
 * in the task ("bucket", "key"), values the task states (a password to store, a domain), and the
 * work directory where the learner writes the files a challenge asks for. A value whose key starts
 * with {@value #SOLUTION} is kept for the solution and its commands, and not shown in the task.
 */
public record Scaffold(List<Item> items, Map<String, String> values, String workDir) {

    /**
     * One resource: its role, its kind's type, the id the APIs take (a bucket name, a key id), its
     * ARN where it has one, and what it is, in a few words for the learner, in English; {@code
     * aboutArgs} are the values in those words, for the challenge's other languages to say them
     * too (null in a state kept by a version before them).
     */
    public record Item(String role, String type, String id, String arn, String about, List<String> aboutArgs) {
        public Item {
            aboutArgs = aboutArgs == null ? null : List.copyOf(aboutArgs);
        }
    }

    public static final String SOLUTION = "solution.";

    public Scaffold {
        items = List.copyOf(items);
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Item item(String role) {
        return items.stream().filter(i -> i.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the scaffold has no " + role));
    }

    public String id(String role) {
        return item(role).id();
    }

    public String arn(String role) {
        return item(role).arn();
    }

    public String value(String key) {
        return Optional.ofNullable(values.get(key))
                .orElseThrow(() -> new IllegalArgumentException("the scaffold has no value " + key));
    }

    /** Where the learner writes {@code name}: a file of the challenge's work directory. */
    public Path file(String name) {
        return Path.of(workDir).resolve(name);
    }

    /** A scaffold of the challenge {@code info} describes: its items are the resources it declares. */
    public static Builder builder(Path workDir, ChallengeInfo info) {
        return new Builder(workDir, info);
    }

    public static final class Builder {
        private final Path workDir;
        private final ChallengeInfo info;
        private final List<Item> items = new ArrayList<>();
        private final Map<String, String> values = new LinkedHashMap<>();

        private Builder(Path workDir, ChallengeInfo info) {
            this.workDir = workDir;
            this.info = info;
        }

        /** The resource {@code role} the challenge declares, {@code args} filling the placeholders of what it is. */
        public Builder item(String role, String type, String id, String arn, Object... args) {
            String about = info.resources().get(role);
            if (about == null) {
                throw new IllegalArgumentException("the challenge declares no resource " + role + " (ChallengeInfo.resource)");
            }
            List<String> values = Arrays.stream(args).map(String::valueOf).toList();
            items.add(new Item(role, type, id, arn, Messages.fill(about, values.toArray()), values));
            return this;
        }

        public Builder value(String key, String value) {
            values.put(key, value);
            return this;
        }

        /** The work directory, for a value that names a file in it. */
        public Path file(String name) {
            return workDir.resolve(name);
        }

        public Scaffold build() {
            return new Scaffold(items, values, workDir.toString());
        }
    }
}
