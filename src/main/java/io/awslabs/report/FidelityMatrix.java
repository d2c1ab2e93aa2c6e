package io.awslabs.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which assertion each target really proves: lab x assertion x target, drawn from run reports
 * (the test suite's, or anyone's), never written by hand. Each assertion states a documented
 * AWS behaviour, so where no report from AWS is given, AWS is shown as expected to pass.
 */
public record FidelityMatrix(List<Run> runs, List<Row> rows) {
    public static final String AWS = "aws";
    private static final String ENDPOINT = "endpoint";
    /** Column order: the emulators the tool starts, then the others. */
    private static final List<String> TARGET_ORDER = List.of("moto", "localstack", ENDPOINT, AWS);
    private static final String BUNDLED = "fidelity.json";

    /** A report the matrix was drawn from. */
    public record Run(String target, String runId, Instant finishedAt) { }

    /**
     * One assertion of one lab, and what each target answered to it. {@code awsExpected} is what AWS
     * is expected to answer when no AWS report is given: "expected PASS", or "SKIPPED unless --option
     * ..." for an assertion that the lab's options unlock on AWS; null (a matrix written before it
     * was recorded) reads as "expected PASS".
     */
    public record Row(String lab, String labTitle, String assertion, String statement, Map<String, Cell> byTarget,
                      String awsExpected) {

        public static final String EXPECTED_PASS = "expected PASS";

        public Row expectingOnAws(String expectation) {
            return new Row(lab, labTitle, assertion, statement, byTarget, expectation);
        }
    }

    /** What AWS is expected to answer to one assertion of one lab, when no AWS report says. */
    @FunctionalInterface
    public interface AwsExpectation {
        String of(String lab, String assertion);
    }

    /**
     * {@code note}: a declared gap that no longer reproduces, or that did not match what happened.
     * {@code localProof}: the checks ran on the machine of the run, not on the target (false in a
     * matrix written before it was recorded).
     */
    public record Cell(Status status, String reason, String note, boolean localProof) { }

    /**
     * For each lab and target the latest report wins, so a directory of old runs gives today's
     * picture. An interrupted run is left out: what it did not reach would read as not proven.
     */
    public static FidelityMatrix of(List<RunReport> reports) {
        record Latest(RunReport run, LabReport lab) { }
        Map<String, Latest> latest = new LinkedHashMap<>();
        reports.stream().filter(r -> !r.wasInterrupted()).sorted(Comparator.comparing(RunReport::finishedAt)).forEach(report ->
                report.labs().forEach(lab -> latest.put(lab.lab().id() + " " + columnOf(report.target()), new Latest(report, lab))));
        Map<String, Row> rows = new LinkedHashMap<>();
        List<Run> runs = new ArrayList<>();
        for (Latest entry : latest.values()) {
            String target = columnOf(entry.run().target());
            LabReport lab = entry.lab();
            for (AssertionRecord a : lab.assertions()) {
                rows.computeIfAbsent(lab.lab().id() + " " + a.id(),
                                k -> new Row(lab.lab().id(), lab.lab().title(), a.id(), a.statement(), new LinkedHashMap<>(),
                                        null))
                        .byTarget().put(target, new Cell(a.status(), a.reason(), a.note(), a.localProof()));
            }
            runs.add(new Run(target, entry.run().runId(), entry.run().finishedAt()));
        }
        List<Run> distinctRuns = runs.stream().distinct()
                .sorted(Comparator.comparing((Run r) -> targetRank(r.target())).thenComparing(Run::runId)).toList();
        List<Row> sorted = rows.values().stream().sorted(Comparator.comparing(Row::lab)).map(FidelityMatrix::ordered).toList();
        return new FidelityMatrix(distinctRuns, sorted);
    }

    private static Row ordered(Row row) {
        Map<String, Cell> byTarget = new LinkedHashMap<>();
        row.byTarget().keySet().stream().sorted(Comparator.comparingInt(FidelityMatrix::targetRank))
                .forEach(t -> byTarget.put(t, row.byTarget().get(t)));
        return new Row(row.lab(), row.labTitle(), row.assertion(), row.statement(), byTarget, row.awsExpected());
    }

    /** The same matrix with each row's AWS expectation taken from the lab's declarations. */
    public FidelityMatrix expectingOnAws(AwsExpectation expectation) {
        return new FidelityMatrix(runs, rows.stream().map(r -> r.expectingOnAws(expectation.of(r.lab(), r.assertion())))
                .toList());
    }

    private static int targetRank(String target) {
        int rank = TARGET_ORDER.indexOf(target.startsWith(ENDPOINT + " ") ? ENDPOINT : target);
        return rank < 0 ? TARGET_ORDER.size() : rank;
    }

    /**
     * The column a run's results go in. Two emulators never share one: an endpoint run goes
     * under the emulator found answering there ("endpoint (moto)"), and one whose emulator was
     * not identified stays apart, under its own address.
     */
    public static String columnOf(RunReport.TargetInfo target) {
        if (!ENDPOINT.equals(target.kind())) {
            return target.kind();
        }
        if (target.emulator() != null) {
            return ENDPOINT + " (" + target.emulator() + ")";
        }
        return target.endpoint() == null ? ENDPOINT : ENDPOINT + " " + target.endpoint().replaceFirst("^https?://", "");
    }

    /** The emulator a run talked to: its kind, or what was found behind an endpoint; null for AWS or unknown. */
    public static String emulatorOf(RunReport.TargetInfo target) {
        return switch (target.kind()) {
            case "moto", "localstack" -> target.kind();
            case ENDPOINT -> target.emulator();
            default -> null;
        };
    }

    /** The targets that have a column, in display order, AWS always last. */
    public List<String> targets() {
        List<String> targets = new ArrayList<>(rows.stream().flatMap(r -> r.byTarget().keySet().stream()).distinct()
                .filter(t -> !t.equals(AWS)).sorted(Comparator.comparingInt(FidelityMatrix::targetRank)).toList());
        targets.add(AWS);
        return targets;
    }

    public List<Row> rowsOf(String labId) {
        return rows.stream().filter(r -> r.lab().equals(labId)).toList();
    }

    /** A cell's short text: the status, or for AWS when no AWS run was given what AWS is expected to answer. */
    public static String label(Row row, String target) {
        Cell cell = row.byTarget().get(target);
        if (cell == null) {
            return target.equals(AWS) ? (row.awsExpected() == null ? Row.EXPECTED_PASS : row.awsExpected()) : "not run";
        }
        return cell.localProof() ? cell.status().name() + " (local)" : cell.status().name();
    }

    public String toMarkdown(String regenerateWith) {
        StringBuilder md = new StringBuilder("# Fidelity matrix\n\n")
                .append("Which lab assertion each target really proves, drawn from run reports by `labs fidelity`; ")
                .append("do not edit by hand. Regenerate after `./mvnw verify` with:\n\n")
                .append("```sh\n").append(regenerateWith).append("\n```\n\n")
                .append("PASS: the target showed the AWS behaviour the assertion states. SKIPPED: it cannot show it, ")
                .append("for the reason given (a declared emulator gap, with what the target actually answered, or a ")
                .append("service the emulator lacks). Each assertion states documented AWS behaviour, so AWS is expected ")
                .append("to pass, except where the lab proves it on AWS only with an option it declares (\"SKIPPED unless ")
                .append("--option ...\"); a report from a real AWS run replaces the expectation. PASS (local): the lab ")
                .append("proves it on the machine of the run alone (the JDK's TLS client, say), whatever the target.\n\n")
                .append("Drawn from: ");
        md.append(String.join(", ", runs.stream().map(r -> r.target() + " run " + r.runId() + " ("
                + r.finishedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ")").distinct().toList())).append(".\n");
        List<String> targets = targets();
        String lab = null;
        List<String> footnotes = new ArrayList<>();
        for (Row row : rows) {
            if (!row.lab().equals(lab)) {
                flush(md, footnotes);
                lab = row.lab();
                md.append("\n## ").append(row.lab()).append(": ").append(row.labTitle()).append("\n\n| assertion |");
                targets.forEach(t -> md.append(' ').append(t).append(" |"));
                md.append("\n|---|");
                targets.forEach(t -> md.append("---|"));
                md.append('\n');
            }
            md.append("| `").append(row.assertion()).append("` |");
            for (String target : targets) {
                Cell cell = row.byTarget().get(target);
                md.append(' ').append(label(row, target));
                if (cell != null && cell.reason() != null) {
                    footnotes.add(target + ", `" + row.assertion() + "`: " + cell.reason());
                    md.append(" [").append(footnotes.size()).append(']');
                }
                if (cell != null && cell.note() != null) {
                    footnotes.add(target + ", `" + row.assertion() + "`, note: " + cell.note());
                    md.append(" [").append(footnotes.size()).append(']');
                }
                md.append(" |");
            }
            md.append('\n');
        }
        flush(md, footnotes);
        return md.toString();
    }

    private static void flush(StringBuilder md, List<String> footnotes) {
        if (footnotes.isEmpty()) {
            return;
        }
        md.append('\n');
        for (int i = 0; i < footnotes.size(); i++) {
            md.append(i + 1).append(". ").append(footnotes.get(i).replace("|", "\\|")).append('\n');
        }
        footnotes.clear();
    }

    public void writeJson(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ReportJson.MAPPER.writeValue(file.toFile(), this);
    }

    public static FidelityMatrix readJson(InputStream in) throws IOException {
        return ReportJson.MAPPER.readValue(in, FidelityMatrix.class);
    }

    /** The matrix recorded from the project's own test run, shipped in the jar for {@code labs describe}. */
    public static Optional<FidelityMatrix> bundled() {
        try (InputStream in = FidelityMatrix.class.getResourceAsStream(BUNDLED)) {
            return in == null ? Optional.empty() : Optional.of(readJson(in));
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled fidelity matrix is unreadable", e);
        }
    }
}
