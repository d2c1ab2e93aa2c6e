package io.awslabs.cli;

import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Scaffold;
import java.util.stream.Collectors;

/** The task as {@code labs start} prints it: the goal, the learner's resources, how to work on them, the checks. */
final class ChallengeTask {
    private ChallengeTask() { }

    static String render(ChallengeState state, LabInfo lab, ChallengeInfo info, String where) {
        StringBuilder text = new StringBuilder();
        text.append("Challenge ").append(lab.id()).append(" (run ").append(state.runId()).append(") on ").append(where)
                .append("\n  ").append(lab.title()).append("\n\nGoal\n  ").append(info.goal()).append("\n\nYour resources\n");
        for (Scaffold.Item item : state.scaffold().items()) {
            text.append(String.format("  %-15s %s %s%n", item.role(), item.type(), item.id()));
            if (item.arn() != null && !item.arn().equals(item.id())) {
                text.append(String.format("  %-15s %s%n", "", item.arn()));
            }
            text.append(String.format("  %-15s %s%n", "", item.about()));
        }
        state.scaffold().values().forEach((k, v) -> {
            if (!k.startsWith(Scaffold.SOLUTION)) {
                text.append(String.format("  %-15s %s%n", k, v));
            }
        });
        text.append("\nWork on them\n")
                .append("  eval \"$(./labs env)\"   points the AWS CLI, boto3 and the SDKs at ").append(where).append('\n')
                .append("  Name anything you create ").append(state.namePrefix())
                .append("-...: 'labs stop' removes what carries that prefix.\n");
        if (!info.files().isEmpty()) {
            text.append("  Write ").append(info.files().stream().map(f -> state.scaffold().file(f).toString())
                    .collect(Collectors.joining(" and "))).append(" ($LABS_CHALLENGE_DIR after 'labs env').\n");
        }
        text.append("\nThe checks\n");
        info.checks().forEach(c -> text.append("  - ").append(c.statement()).append('\n'));
        text.append("\nThen\n")
                .append("  labs check    what holds and what does not, in these terms; writes a report for an instructor\n")
                .append("  labs hint     three levels: the feature, the API or console setting, the exact command\n")
                .append("  labs solve    the reference solution and the AWS CLI commands that do the same, then check\n")
                .append("  labs stop     removes everything of the challenge").append(state.target().background()
                        ? " and stops the background emulator\n" : "\n");
        return text.toString();
    }
}
