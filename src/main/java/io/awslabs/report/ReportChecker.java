package io.awslabs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a report file: is it one of ours, does it conform to the published schema
 * ({@link ReportSchema}), and did everything it records pass (or skip with a reason) and get
 * torn down.
 */
public final class ReportChecker {

    public enum Verdict { OK, NOT_PROVEN, INVALID }

    public record Result(Verdict verdict, List<String> problems, RunReport report) { }

    public Result check(Path file) {
        JsonNode tree;
        try {
            tree = ReportJson.MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return invalid("no such file: " + file);
        } catch (JsonProcessingException e) {
            return invalid("not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            return invalid("cannot read " + file + ": " + e.getMessage());
        }
        if (tree == null || !tree.isObject() || !RunReport.SCHEMA.equals(tree.path("schema").asText(null))) {
            return invalid("not an aws-labs run report (no \"schema\": \"" + RunReport.SCHEMA + "\")");
        }
        int version = tree.path("schemaVersion").asInt(-1);
        if (version != RunReport.SCHEMA_VERSION) {
            return invalid("unsupported schemaVersion " + tree.path("schemaVersion")
                    + "; this tool reads version " + RunReport.SCHEMA_VERSION);
        }
        List<ReportSchema.Violation> violations = ReportSchema.validate(tree);
        if (!violations.isEmpty()) {
            return new Result(Verdict.INVALID, violations.stream().map(ReportSchema.Violation::toString).toList(), null);
        }
        RunReport report;
        try {
            report = ReportJson.MAPPER.treeToValue(tree, RunReport.class);
        } catch (JsonProcessingException e) {
            return invalid("malformed report: " + e.getOriginalMessage());
        }
        List<String> problems = problemsOf(report);
        return new Result(problems.isEmpty() ? Verdict.OK : Verdict.NOT_PROVEN, problems, report);
    }

    /**
     * What keeps a report from proving its labs: a FAIL or ERROR, a SKIPPED without a reason, a
     * resource teardown did not delete. Empty when everything was proven and cleaned up.
     */
    public static List<String> problemsOf(RunReport report) {
        List<String> problems = new ArrayList<>();
        for (LabReport lab : report.labs()) {
            for (AssertionRecord a : lab.assertions()) {
                if (a.status().isBad()) {
                    problems.add(lab.lab().id() + "/" + a.id() + ": " + a.status()
                            + (a.reason() != null ? " (" + a.reason() + ")" : ""));
                } else if (a.status() == Status.SKIPPED && (a.reason() == null || a.reason().isBlank())) {
                    problems.add(lab.lab().id() + "/" + a.id() + ": SKIPPED without a reason");
                }
            }
            for (TeardownRecord t : lab.teardown()) {
                if (t.outcome().leftSomething()) {
                    problems.add(lab.lab().id() + ": " + t.type() + " " + t.id() + " was not deleted (" + t.outcome() + ")");
                }
            }
        }
        return problems;
    }

    private static Result invalid(String problem) {
        return new Result(Verdict.INVALID, List.of(problem), null);
    }
}
