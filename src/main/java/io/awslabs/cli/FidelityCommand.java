package io.awslabs.cli;

import io.awslabs.lab.Lab;
import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabInfo;
import io.awslabs.report.FidelityMatrix;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.text.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "fidelity",
        description = "Draw the fidelity matrix (lab x assertion x target: PASS, or SKIPPED with the reason) "
                + "from run reports, e.g. one run per target.",
        footer = {"%nExamples:",
                "  labs run --all && labs run --all --target localstack && labs fidelity",
                "  labs fidelity target/fidelity --markdown docs/fidelity.md   # the repo's own, after ./mvnw verify"})
final class FidelityCommand implements Callable<Integer> {
    /** The command that regenerates the repo's matrix from the test suite's reports. */
    static final String REGENERATE = "java -jar target/aws-labs.jar fidelity target/fidelity --markdown docs/fidelity.md "
            + "--json src/main/resources/io/awslabs/report/fidelity.json";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Parameters(paramLabel = "REPORT", arity = "0..*",
            description = "Report files or directories of them (default: reports). For each lab and target the latest run counts.")
    List<Path> inputs = new ArrayList<>(List.of(Path.of("reports")));

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the matrix as Markdown here instead of printing it.")
    Path markdown;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write it as JSON (what 'labs describe' shows).")
    Path json;

    @Override
    public Integer call() throws IOException {
        List<RunReport> reports = new ArrayList<>();
        PrintWriter err = spec.commandLine().getErr();
        Messages say = Messages.of(FidelityCommand.class, root.lang());
        for (Path input : inputs) {
            for (Path file : reportFiles(input)) {
                RunReport report = read(file);
                if (report.wasInterrupted()) {
                    err.println(say.get("fidelity.interrupted", file));
                } else {
                    reports.add(report);
                }
            }
        }
        err.flush();
        if (reports.isEmpty()) {
            throw new UsageException(new ErrorText("fidelityNoReports", inputs));
        }
        LabCatalog catalog = new LabCatalog();
        FidelityMatrix matrix = FidelityMatrix.of(reports).expectingOnAws((lab, assertion) -> catalog.find(lab)
                .map(l -> l.info().awsExpectation(assertion)).orElse(FidelityMatrix.Row.EXPECTED_PASS));
        warnAboutLabsWithoutAReport(matrix, say);
        String text = matrix.toMarkdown(REGENERATE);
        PrintWriter out = spec.commandLine().getOut();
        if (markdown == null) {
            out.print(text);
        } else {
            if (markdown.getParent() != null) Files.createDirectories(markdown.getParent());
            Files.writeString(markdown, text);
            out.println(say.get("fidelity.written", markdown, matrix.rows().size(), reports.size()));
        }
        if (json != null) {
            matrix.writeJson(json);
            out.println(say.get("fidelity.jsonWritten", json));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** A lab that no report covers is simply absent from the matrix: say so rather than let it go unnoticed. */
    private void warnAboutLabsWithoutAReport(FidelityMatrix matrix, Messages say) {
        PrintWriter err = spec.commandLine().getErr();
        for (LabInfo lab : new LabCatalog().all().stream().map(Lab::info).toList()) {
            if (matrix.rowsOf(lab.id()).isEmpty()) {
                err.println(say.get("fidelity.uncovered", lab.id()));
            }
        }
        err.flush();
    }

    private static List<Path> reportFiles(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new UsageException(new ErrorText("fidelityNoInput", input));
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static RunReport read(Path file) {
        try {
            return ReportJson.read(file);
        } catch (IOException e) {
            throw new UsageException(new ErrorText("fidelityNotAReport", file, e.getMessage().lines().findFirst().orElse("")));
        }
    }
}
