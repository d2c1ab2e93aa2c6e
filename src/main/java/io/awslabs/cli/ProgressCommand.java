package io.awslabs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awslabs.challenge.ExamCoverage;
import io.awslabs.challenge.ProgressBook;
import io.awslabs.lab.ExamFit;
import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.StateDirs;
import io.awslabs.report.ReportJson;
import io.awslabs.text.Columns;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "progress",
        description = {"Your challenges so far: per lab the best check (checks passed, hints used, time, date), and how "
                + "much of the exam's four domains your completed challenges cover (secure 30 %%, resilient 26 %%, "
                + "high-performing 24 %%, cost-optimised 20 %%)."},
        footer = {"%nExamples:", "  labs progress", "  labs progress --json", "  labs progress --reset"})
final class ProgressCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Option(names = "--json", description = "One JSON object, for scripts.")
    boolean json;

    @Option(names = "--reset", description = "Forget all progress (the file in the state directory is deleted).")
    boolean reset;

    @Override
    public Integer call() throws JsonProcessingException {
        ProgressBook book = new ProgressBook(StateDirs.root());
        PrintWriter out = spec.commandLine().getOut();
        Lang lang = root.lang();
        if (reset) {
            Messages say = Messages.of(ProgressCommand.class, "challenge", lang);
            out.println(book.reset() ? say.get("progress.reset", book.file()) : say.get("progress.nothing"));
            out.flush();
            return ExitCodes.OK;
        }
        List<LabInfo> labs = new LabCatalog().all().stream().map(l -> l.info()).toList();
        Map<String, ProgressBook.LabProgress> progress = book.labs();
        ExamCoverage coverage = ExamCoverage.of(labs, progress);
        out.print(json ? ReportJson.MAPPER.writeValueAsString(json(labs, progress, coverage)) + "\n"
                : text(labs, progress, coverage, lang));
        out.flush();
        return ExitCodes.OK;
    }

    static String text(List<LabInfo> labs, Map<String, ProgressBook.LabProgress> progress, ExamCoverage coverage,
                       Lang lang) {
        Messages say = Messages.of(ProgressCommand.class, "challenge", lang);
        StringBuilder text = new StringBuilder(row(Columns.pad(say.get("progress.lab"), 28),
                Columns.pad(say.get("progress.best"), 13), Columns.pad(say.get("progress.hints"), 6),
                Columns.pad(say.get("progress.time"), 12), say.get("progress.date")));
        for (LabInfo lab : labs) {
            ProgressBook.LabProgress p = progress.get(lab.id());
            if (p == null) {
                text.append(row(Columns.pad(lab.id(), 28), say.get("progress.notTried")));
                continue;
            }
            ProgressBook.Attempt best = p.best();
            text.append(row(Columns.pad(lab.id(), 28), Columns.pad(score(best, say), 13),
                    Columns.pad(best.hintsUsed() + "/3", 6),
                    Columns.pad(ChallengeCli.human(Duration.ofMillis(best.timeTakenMs()), lang), 12),
                    best.checkedAt().toString().substring(0, 10)
                            + (best.complete() ? "  " + say.get("progress.complete") : "")
                            + (best.solutionApplied() ? " " + say.get("progress.withSolve") : "")
                            + (p.checks() > 1 ? say.get("progress.checks", p.checks()) : "")));
        }
        text.append('\n').append(say.get("progress.domains")).append('\n');
        for (ExamCoverage.Domain d : coverage.domains()) {
            text.append("  ").append(Columns.pad(say.get("domain." + d.domain().name()), 38))
                    .append(String.format(" %3d %%  ", d.domain().weightPercent()));
            text.append(d.labs().isEmpty() ? say.get("progress.noLab")
                    : say.get("progress.completed", d.completed().size(), d.labs().size(), String.join(", ", d.tasks())))
                    .append('\n');
        }
        text.append(say.get("progress.covered", String.format(Locale.ROOT, "%.0f", coverage.coveredPercent()),
                String.format(Locale.ROOT, "%.0f", coverage.withLabsPercent()))).append('\n');
        String questions = labs.stream().flatMap(l -> l.exam().stream()).flatMap(f -> f.questions().stream())
                .sorted().map(String::valueOf).collect(Collectors.joining(", "));
        if (!questions.isEmpty()) {
            text.append(say.get("progress.questions", questions)).append('\n');
        }
        return text.toString();
    }

    /** Cells already padded to their columns, a space between them. */
    private static String row(String... cells) {
        return String.join(" ", cells) + "\n";
    }

    private static String score(ProgressBook.Attempt a, Messages say) {
        return a.passed() + "/" + a.total() + (a.skipped() > 0 ? " +" + a.skipped() + " " + say.get("progress.skip") : "");
    }

    static ObjectNode json(List<LabInfo> labs, Map<String, ProgressBook.LabProgress> progress, ExamCoverage coverage) {
        ObjectNode root = ReportJson.MAPPER.createObjectNode();
        ObjectNode byLab = root.putObject("labs");
        for (LabInfo lab : labs) {
            ObjectNode l = byLab.putObject(lab.id());
            lab.exam().ifPresent((ExamFit fit) -> {
                l.put("domain", fit.domain().name()).put("taskStatement", fit.taskStatement());
                fit.questions().forEach(q -> l.withArray("questions").add(q));
            });
            ProgressBook.LabProgress p = progress.get(lab.id());
            if (p != null) {
                l.set("best", ReportJson.MAPPER.valueToTree(p.best()));
                l.put("complete", p.best().complete()).put("checks", p.checks());
            }
        }
        var domains = root.putArray("domains");
        for (ExamCoverage.Domain d : coverage.domains()) {
            ObjectNode o = domains.addObject().put("domain", d.domain().name()).put("title", d.domain().title())
                    .put("weightPercent", d.domain().weightPercent()).put("coveredPercent", d.coveredPercent());
            d.labs().forEach(id -> o.withArray("labs").add(id));
            d.completed().forEach(id -> o.withArray("completed").add(id));
            d.tasks().forEach(t -> o.withArray("tasks").add(t));
        }
        root.put("coveredPercent", coverage.coveredPercent()).put("withLabsPercent", coverage.withLabsPercent());
        return root;
    }
}
