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

    @Option(names = "--json", description = "One JSON object, for scripts.")
    boolean json;

    @Option(names = "--reset", description = "Forget all progress (the file in the state directory is deleted).")
    boolean reset;

    @Override
    public Integer call() throws JsonProcessingException {
        ProgressBook book = new ProgressBook(StateDirs.root());
        PrintWriter out = spec.commandLine().getOut();
        if (reset) {
            out.println(book.reset() ? "progress forgotten (" + book.file() + " deleted)" : "no progress recorded yet");
            out.flush();
            return ExitCodes.OK;
        }
        List<LabInfo> labs = new LabCatalog().all().stream().map(l -> l.info()).toList();
        Map<String, ProgressBook.LabProgress> progress = book.labs();
        ExamCoverage coverage = ExamCoverage.of(labs, progress);
        out.print(json ? ReportJson.MAPPER.writeValueAsString(json(labs, progress, coverage)) + "\n"
                : text(labs, progress, coverage));
        out.flush();
        return ExitCodes.OK;
    }

    static String text(List<LabInfo> labs, Map<String, ProgressBook.LabProgress> progress, ExamCoverage coverage) {
        StringBuilder text = new StringBuilder(String.format("%-28s %-13s %-6s %-12s %s%n", "lab", "best check", "hints",
                "time", "date"));
        for (LabInfo lab : labs) {
            ProgressBook.LabProgress p = progress.get(lab.id());
            if (p == null) {
                text.append(String.format("%-28s %s%n", lab.id(), "not tried"));
                continue;
            }
            ProgressBook.Attempt best = p.best();
            text.append(String.format("%-28s %-13s %-6s %-12s %s%s%n", lab.id(), score(best), best.hintsUsed() + "/3",
                    ChallengeCli.human(Duration.ofMillis(best.timeTakenMs())), best.checkedAt().toString().substring(0, 10),
                    (best.complete() ? "  complete" : "") + (best.solutionApplied() ? " (with 'labs solve')" : "")
                            + (p.checks() > 1 ? ", " + p.checks() + " checks" : "")));
        }
        text.append("\nExam domains (weight): challenges completed of the labs there, task statements\n");
        for (ExamCoverage.Domain d : coverage.domains()) {
            text.append(String.format("  %-38s %3d %%  ", d.domain().title(), d.domain().weightPercent()));
            text.append(d.labs().isEmpty() ? "no lab yet\n"
                    : d.completed().size() + " of " + d.labs().size() + " (" + String.join(", ", d.tasks()) + ")\n");
        }
        text.append(String.format(Locale.ROOT, "Your completed challenges cover %.0f %% of the exam's weight; labs exist "
                + "for domains worth %.0f %%.%n", coverage.coveredPercent(), coverage.withLabsPercent()));
        String questions = labs.stream().flatMap(l -> l.exam().stream()).flatMap(f -> f.questions().stream())
                .sorted().map(String::valueOf).collect(Collectors.joining(", "));
        if (!questions.isEmpty()) {
            text.append("Your practice questions with a lab: ").append(questions).append('\n');
        }
        return text.toString();
    }

    private static String score(ProgressBook.Attempt a) {
        return a.passed() + "/" + a.total() + (a.skipped() > 0 ? " +" + a.skipped() + " skip" : "");
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
