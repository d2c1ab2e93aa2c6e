package io.awslabs.lab;

import io.awslabs.targets.TargetKind;
import io.awslabs.text.Said;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab options of a run, checked before any target is opened: a value of the wrong type, or
 * an option a lab needs on AWS that is missing or not what it must be, refuses the whole run with
 * one line and its fix, so nothing is created by half of a run that could not finish.
 */
public final class OptionCheck {

    /** What is wrong, and the command-line fix, each said in the reader's language. */
    public record Refusal(Said problem, Said fix) { }

    private OptionCheck() { }

    public static Optional<Refusal> of(List<LabInfo> labs, TargetKind kind, Map<String, String> given) {
        for (LabInfo lab : labs) {
            for (LabOption option : lab.options()) {
                Said whyOnAws = option.onAws() == null ? null : LabOptions.whyOnAws(lab, option);
                Optional<Said> refused = option.refuses(given.get(option.name()), kind == TargetKind.AWS, whyOnAws);
                if (refused.isPresent()) {
                    Object example = option.onAws() != null ? option.onAws().example()
                            : LabOptions.say("typeExample", option.type().said());
                    return Optional.of(new Refusal(LabOptions.say("refused", lab.id(), refused.get()),
                            LabOptions.say("fix", option.name(), example, lab.id())));
                }
            }
        }
        return Optional.empty();
    }
}
