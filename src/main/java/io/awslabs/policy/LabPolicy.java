package io.awslabs.policy;

import io.awslabs.cleanup.TagSweep;
import io.awslabs.lab.LabInfo;
import io.awslabs.resources.IamActions;
import io.awslabs.resources.ResourceKind;
import io.awslabs.targets.AccountGuard;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The IAM actions a sandbox user needs to run labs, derived from what each lab declares once: its
 * own calls, and the kinds it provisions (their create, tag, delete and sweep actions), plus
 * what every run on AWS calls before a lab starts (the account guard) and what {@code labs
 * cleanup} calls to find a run's resources by tag. {@code labs describe} and {@code labs policy}
 * both read this.
 */
public final class LabPolicy {
    private LabPolicy() { }

    /** Sorted, each once. */
    public static SortedSet<String> actionsOf(LabInfo lab) {
        SortedSet<String> actions = new TreeSet<>(lab.calls());
        for (ResourceKind kind : lab.provisions()) {
            actions.addAll(IamActions.checked(kind.actions()));
            actions.addAll(IamActions.checked(kind.sweepActions()));
        }
        actions.addAll(AccountGuard.IAM_ACTIONS);
        actions.addAll(TagSweep.IAM_ACTIONS);
        return actions;
    }

    /** What running every one of these labs needs. */
    public static SortedSet<String> actionsOf(Collection<LabInfo> labs) {
        SortedSet<String> actions = new TreeSet<>();
        labs.forEach(lab -> actions.addAll(actionsOf(lab)));
        return actions;
    }
}
