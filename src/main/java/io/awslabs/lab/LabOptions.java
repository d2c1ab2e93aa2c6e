package io.awslabs.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@code --option key=value} against what the selected labs declare, before anything is
 * created: an option no selected lab knows, an empty key or value, or a value of the wrong type
 * is refused with the labs' options and the closest name.
 */
public final class LabOptions {
    private LabOptions() { }

    /** Why these options cannot be used with these labs, or empty if they can. */
    public static Optional<String> refusal(List<LabInfo> labs, Map<String, String> given) {
        for (Map.Entry<String, String> option : given.entrySet()) {
            String name = option.getKey();
            if (name.isBlank()) {
                return Optional.of("--option needs a name before '=': --option NAME=VALUE; " + known(labs));
            }
            List<LabOption> declared = labs.stream().flatMap(l -> l.optionNamed(name).stream()).toList();
            if (declared.isEmpty()) {
                return Optional.of("no selected lab has an option '" + name + "'" + closest(labs, name) + "; " + known(labs));
            }
            String value = option.getValue() == null ? "" : option.getValue();
            for (LabOption o : declared) {
                Optional<String> refused = value.isEmpty() ? Optional.of("expected " + o.type().accepts() + ", got nothing")
                        : o.type().refuses(value);
                if (refused.isPresent()) {
                    return Optional.of("--option " + name + "=" + value + ": " + refused.get() + " (" + o.description() + ")");
                }
            }
        }
        return Optional.empty();
    }

    private static String known(List<LabInfo> labs) {
        List<String> lines = new ArrayList<>();
        for (LabInfo lab : labs) {
            if (!lab.options().isEmpty()) {
                lines.add(lab.id() + ": " + String.join(", ", lab.options().stream()
                        .map(o -> o.name() + " (" + o.type().accepts() + ")").toList()));
            }
        }
        return lines.isEmpty() ? "the selected labs take no options" : "options: " + String.join("; ", lines);
    }

    private static String closest(List<LabInfo> labs, String typo) {
        return labs.stream().flatMap(l -> l.options().stream()).map(LabOption::name).distinct()
                .filter(n -> LabCatalog.distance(n, typo) <= Math.max(2, typo.length() / 3))
                .min(Comparator.comparingInt(n -> LabCatalog.distance(n, typo)))
                .map(n -> " (did you mean '" + n + "'?)").orElse("");
    }
}
