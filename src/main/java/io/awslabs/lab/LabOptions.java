package io.awslabs.lab;

import io.awslabs.text.Lang;
import io.awslabs.text.Phrase;
import io.awslabs.text.Said;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@code --option key=value} against what the selected labs declare, before anything is
 * created: an option no selected lab knows, an empty key or value, or a value of the wrong type
 * is refused with the labs' options and the closest name. The refusal is said in the reader's
 * language (the options bundle next to this class, and the lab's own texts for what an option does).
 */
public final class LabOptions {
    private LabOptions() { }

    /** Why these options cannot be used with these labs, or empty if they can. */
    public static Optional<Said> refusal(List<LabInfo> labs, Map<String, String> given) {
        for (Map.Entry<String, String> option : given.entrySet()) {
            String name = option.getKey();
            if (name.isBlank()) {
                return Optional.of(say("noName", known(labs)));
            }
            if (labs.stream().allMatch(l -> l.optionNamed(name).isEmpty())) {
                Optional<String> closest = closest(labs, name);
                return Optional.of(closest.isPresent() ? say("unknownClose", name, closest.get(), known(labs))
                        : say("unknown", name, known(labs)));
            }
            String value = option.getValue() == null ? "" : option.getValue();
            for (LabInfo lab : labs) {
                for (LabOption o : lab.optionNamed(name).stream().toList()) {
                    Optional<Said> refused = value.isEmpty() ? Optional.of(say("expectedNothing", o.type().said()))
                            : o.type().refuses(value);
                    if (refused.isPresent()) {
                        return Optional.of(say("badValue", name, value, refused.get(), description(lab, o)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Words of the options bundle. */
    static Phrase say(String key, Object... args) {
        return Phrase.of(LabOptions.class, "options", key, args);
    }

    /** What {@code option} of {@code lab} does, in the reader's language: the lab's own text of it. */
    static Said description(LabInfo lab, LabOption option) {
        return lang -> texts(lab, lang).map(t -> t.optionDescription(option)).orElse(option.description());
    }

    /** Why {@code option} must be set on AWS, in the reader's language. */
    static Said whyOnAws(LabInfo lab, LabOption option) {
        return lang -> texts(lab, lang).map(t -> t.optionOnAwsReason(option)).orElse(option.onAws().why());
    }

    /** A lab's texts are kept next to its class: the catalog knows it by the id. */
    private static Optional<LabText> texts(LabInfo lab, Lang lang) {
        return lang == Lang.EN ? Optional.empty() : new LabCatalog().find(lab.id()).map(l -> LabText.of(l, lang));
    }

    private static Said known(List<LabInfo> labs) {
        List<Phrase> lines = new ArrayList<>();
        for (LabInfo lab : labs) {
            if (!lab.options().isEmpty()) {
                lines.add(say("knownLab", lab.id(), joined("join.options",
                        lab.options().stream().map(o -> say("knownOption", o.name(), o.type().said())).toList())));
            }
        }
        return lines.isEmpty() ? say("knownNone") : say("known", joined("join.labs", lines));
    }

    /** {@code items} joined with the punctuation {@code key} of the reader's language. */
    private static Said joined(String key, List<? extends Said> items) {
        return lang -> items.stream().map(i -> i.in(lang)).reduce((a, b) -> say(key, a, b).in(lang)).orElse("");
    }

    private static Optional<String> closest(List<LabInfo> labs, String typo) {
        return labs.stream().flatMap(l -> l.options().stream()).map(LabOption::name).distinct()
                .filter(n -> LabCatalog.distance(n, typo) <= Math.max(2, typo.length() / 3))
                .min(Comparator.comparingInt(n -> LabCatalog.distance(n, typo)));
    }
}
