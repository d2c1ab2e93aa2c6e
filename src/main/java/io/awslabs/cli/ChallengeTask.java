package io.awslabs.cli;

import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.ChallengeText;
import io.awslabs.lab.LabText;
import io.awslabs.lab.Scaffold;
import io.awslabs.text.Columns;
import io.awslabs.text.Messages;
import java.util.stream.Collectors;

/** The task as {@code labs start} prints it: the goal, the learner's resources, how to work on them, the checks. */
final class ChallengeTask {
    private static final int ROLE = 15;

    private ChallengeTask() { }

    static String render(ChallengeState state, LabText lab, ChallengeText challenge, String where) {
        Messages say = Messages.of(ChallengeTask.class, "challenge", lab.lang());
        StringBuilder text = new StringBuilder();
        text.append(say.get("task.title", lab.info().id(), state.runId(), where)).append("\n  ").append(lab.title())
                .append("\n\n").append(say.get("task.goal")).append("\n  ").append(challenge.goal())
                .append("\n\n").append(say.get("task.resources")).append('\n');
        for (Scaffold.Item item : state.scaffold().items()) {
            text.append("  ").append(Columns.pad(item.role(), ROLE)).append(' ').append(item.type()).append(' ')
                    .append(item.id()).append('\n');
            if (item.arn() != null && !item.arn().equals(item.id())) {
                text.append("  ").append(Columns.pad("", ROLE)).append(' ').append(item.arn()).append('\n');
            }
            text.append("  ").append(Columns.pad("", ROLE)).append(' ').append(challenge.about(item)).append('\n');
        }
        state.scaffold().values().forEach((k, v) -> {
            if (!k.startsWith(Scaffold.SOLUTION)) {
                text.append("  ").append(Columns.pad(k, ROLE)).append(' ').append(v).append('\n');
            }
        });
        text.append('\n').append(say.get("task.work")).append('\n')
                .append("  ").append(say.get("task.env", where)).append('\n')
                .append("  ").append(say.get("task.prefix", state.namePrefix())).append('\n');
        if (!challenge.info().files().isEmpty()) {
            String and = " " + say.get("task.and") + " ";
            text.append("  ").append(say.get("task.files", challenge.info().files().stream()
                    .map(f -> state.scaffold().file(f).toString()).collect(Collectors.joining(and)))).append('\n');
        }
        text.append('\n').append(say.get("task.checks")).append('\n');
        challenge.info().checks().forEach(c -> text.append("  - ").append(challenge.statement(c.id())).append('\n'));
        text.append('\n').append(say.get("task.then")).append('\n');
        for (String command : new String[] {"task.check", "task.hint", "task.solve"}) {
            text.append("  ").append(say.get(command)).append('\n');
        }
        text.append("  ").append(say.get(state.target().background() ? "task.stopBackground" : "task.stop")).append('\n');
        return text.toString();
    }
}
