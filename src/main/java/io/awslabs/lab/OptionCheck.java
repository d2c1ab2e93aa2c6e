package io.awslabs.lab;

import io.awslabs.targets.TargetKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab options of a run, checked before any target is opened: a value of the wrong type, or
 * an option a lab needs on AWS that is missing or not what it must be, refuses the whole run with
 * one line and its fix, so nothing is created by half of a run that could not finish.
 */
public final class OptionCheck {

    /** What is wrong, and the command-line fix. */
    public record Refusal(String problem, String fix) { }

    private OptionCheck() { }

    public static Optional<Refusal> of(List<LabInfo> labs, TargetKind kind, Map<String, String> given) {
        for (LabInfo lab : labs) {
            for (LabOption option : lab.options()) {
                Optional<String> refused = option.refuses(given.get(option.name()), kind == TargetKind.AWS);
                if (refused.isPresent()) {
                    String example = option.onAws() != null ? option.onAws().example() : "<" + option.type().accepts() + ">";
                    return Optional.of(new Refusal("lab " + lab.id() + " " + refused.get(),
                            "add --option " + option.name() + "=" + example + " ('labs describe " + lab.id() + "' explains it)"));
                }
            }
        }
        return Optional.empty();
    }
}
