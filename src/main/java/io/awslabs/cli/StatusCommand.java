package io.awslabs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.Scaffold;
import io.awslabs.report.ReportJson;
import io.awslabs.targets.BackgroundEmulator;
import io.awslabs.text.Columns;
import io.awslabs.text.Messages;
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
        out.print(json ? ReportJson.MAPPER.writeValueAsString(json(state, emulator)) + "\n"
                : text(state, emulator, Messages.of(StatusCommand.class, "challenge", root.lang())));
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

    private static String text(Optional<ChallengeState> state, Optional<BackgroundEmulator> emulator, Messages say) {
        StringBuilder text = new StringBuilder();
        if (state.isEmpty()) {
            text.append(say.get("status.none")).append('\n');
        } else {
            ChallengeState s = state.get();
            ChallengeState.Place t = s.target();
            String where = t.endpoint() == null
                    ? t.account() == null ? say.get("status.where", t.kind(), t.region())
                            : say.get("status.whereAccount", t.kind(), t.region(), t.account())
                    : t.account() == null ? say.get("status.whereAt", t.kind(), t.endpoint(), t.region())
                            : say.get("status.whereAtAccount", t.kind(), t.endpoint(), t.region(), t.account());
            text.append(say.get("status.challenge", s.lab(), s.runId(), s.startedAt())).append('\n')
                    .append(label(say, "status.target")).append(where).append('\n')
                    .append(label(say, "status.prefix")).append(s.namePrefix()).append("-...\n")
                    .append(label(say, "status.hints"))
                    .append(say.get(s.solutionApplied() ? "status.hintsUsedSolved" : "status.hintsUsed", s.hintsUsed()))
                    .append('\n');
            for (Scaffold.Item item : s.scaffold().items()) {
                text.append("  ").append(Columns.pad(item.role(), 15)).append(' ').append(item.type()).append(' ')
                        .append(item.id()).append(item.arn() == null || item.arn().equals(item.id()) ? "" : " (" + item.arn() + ")")
                        .append('\n');
            }
        }
        text.append(emulator.map(e -> say.get("status.emulator", e.describe().in(say.lang()), e.record().startedAt(), e.lastUsed(),
                        e.stopsAt())).orElse(say.get("status.noEmulator"))).append('\n');
        return text.toString();
    }

    private static String label(Messages say, String key) {
        return "  " + Columns.pad(say.get(key), 11);
    }
}
