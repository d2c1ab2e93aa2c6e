package io.awslabs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.Scaffold;
import io.awslabs.report.ReportJson;
import io.awslabs.targets.BackgroundEmulator;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status",
        description = {"The active challenge (lab, run id, target and endpoint, the scaffold's resources), and whether "
                + "the background emulator runs (pid, port, when it stops by itself)."},
        footer = {"%nExamples:", "  labs status", "  labs status --json | jq .challenge.resources"})
final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Option(names = "--json", description = "One JSON object, for scripts and graders.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        ChallengeSession session = ChallengeCli.session(root.verbose, ChallengeCli.progress(Terminal.detect(), root.lang()));
        Optional<ChallengeState> state = session.active();
        Optional<BackgroundEmulator> emulator = BackgroundEmulator.find(ChallengeCli.emulatorDir());
        emulator.ifPresent(BackgroundEmulator::touch);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? ReportJson.MAPPER.writeValueAsString(json(state, emulator)) + "\n" : text(state, emulator));
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode json(Optional<ChallengeState> state, Optional<BackgroundEmulator> emulator) {
        ObjectNode root = ReportJson.MAPPER.createObjectNode();
        root.put("active", state.isPresent());
        state.ifPresent(s -> {
            ObjectNode c = root.putObject("challenge");
            c.put("lab", s.lab()).put("runId", s.runId()).put("namePrefix", s.namePrefix())
                    .put("startedAt", s.startedAt().toString()).put("hintsUsed", s.hintsUsed())
                    .put("solutionApplied", s.solutionApplied()).put("workDir", s.scaffold().workDir());
            ObjectNode t = c.putObject("target");
            t.put("kind", s.target().kind()).put("endpoint", s.target().endpoint()).put("region", s.target().region())
                    .put("account", s.target().account()).put("background", s.target().background());
            var resources = c.putArray("resources");
            for (Scaffold.Item item : s.scaffold().items()) {
                resources.addObject().put("role", item.role()).put("type", item.type()).put("id", item.id())
                        .put("arn", item.arn()).put("about", item.about());
            }
        });
        ObjectNode e = root.putObject("emulator");
        e.put("running", emulator.isPresent());
        emulator.ifPresent(em -> e.put("kind", em.record().kind()).put("version", em.record().version())
                .put("pid", em.record().pid()).put("port", em.record().port()).put("endpoint", em.record().endpoint())
                .put("startedAt", em.record().startedAt().toString()).put("lastUsed", em.lastUsed().toString())
                .put("stopsAt", em.stopsAt().toString()));
        return root;
    }

    private static String text(Optional<ChallengeState> state, Optional<BackgroundEmulator> emulator) {
        StringBuilder text = new StringBuilder();
        if (state.isEmpty()) {
            text.append("no challenge is active ('labs start LAB' begins one)\n");
        } else {
            ChallengeState s = state.get();
            text.append("challenge ").append(s.lab()).append(" (run ").append(s.runId()).append("), started ")
                    .append(s.startedAt()).append('\n')
                    .append("  target     ").append(s.target().kind())
                    .append(s.target().endpoint() == null ? "" : " at " + s.target().endpoint())
                    .append(", region ").append(s.target().region())
                    .append(s.target().account() == null ? "" : ", account " + s.target().account()).append('\n')
                    .append("  prefix     ").append(s.namePrefix()).append("-...\n")
                    .append("  hints      ").append(s.hintsUsed()).append(" of 3 used")
                    .append(s.solutionApplied() ? "; the reference solution is applied" : "").append('\n');
            for (Scaffold.Item item : s.scaffold().items()) {
                text.append(String.format("  %-15s %s %s%s%n", item.role(), item.type(), item.id(),
                        item.arn() == null || item.arn().equals(item.id()) ? "" : " (" + item.arn() + ")"));
            }
        }
        text.append(emulator.map(e -> "background emulator: " + e.describe() + ", started " + e.record().startedAt()
                        + ", last used " + e.lastUsed() + ", stops by itself at " + e.stopsAt() + "\n")
                .orElse("background emulator: not running\n"));
        return text.toString();
    }
}
