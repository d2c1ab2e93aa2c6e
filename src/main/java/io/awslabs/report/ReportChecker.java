package io.awslabs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.awslabs.text.Lang;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a report file and judges it: is it one of ours, does it conform to the published schema
 * ({@link ReportSchema}) and agree with itself, and if so, what its {@link Verdict} is.
 */
public final class ReportChecker {

    /**
     * Either {@code invalid} lists why the file cannot be judged (then there is no report and no
     * verdict), or it is empty and the verdict is the report's.
     */
    public record Result(List<String> invalid, RunReport report, Verdict verdict) {
        public boolean valid() {
            return invalid.isEmpty();
        }

        /** Why the file is invalid, else what keeps the report from proving its labs. */
        public List<String> problems() {
            return problems(Lang.EN);
        }

        /** As {@link #problems()}, the verdict's in {@code lang}; why a file is invalid is the schema's English. */
        public List<String> problems(Lang lang) {
            return valid() ? verdict.lines(lang) : invalid;
        }
    }

    public Result check(Path file) {
        String text;
        try {
            text = readText(file);
        } catch (NoSuchFileException e) {
            return invalid("no such file: " + file);
        } catch (AccessDeniedException e) {
            return invalid("cannot read " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            return invalid("not a text file (a report is UTF-8 JSON)");
        } catch (IOException e) {
            return invalid(Files.isDirectory(file) ? "a directory, not a report file" : "cannot read " + file + ": " + e.getMessage());
        }
        if (text.isBlank()) {
            return invalid("empty file" + (text.isEmpty() ? "" : " (only whitespace)") + ": a report is the JSON 'labs run' writes");
        }
        JsonNode tree;
        try {
            tree = ReportJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return invalid("not JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr());
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
            return new Result(violations.stream().map(ReportSchema.Violation::toString).toList(), null, null);
        }
        RunReport report;
        try {
            report = ReportJson.MAPPER.treeToValue(tree, RunReport.class);
        } catch (JsonProcessingException e) {
            return invalid("malformed report: " + e.getOriginalMessage());
        }
        List<ReportSchema.Violation> contradictions = ReportConsistency.contradictions(report);
        if (!contradictions.isEmpty()) {
            return new Result(contradictions.stream().map(ReportSchema.Violation::toString).toList(), null, null);
        }
        return new Result(List.of(), report, Verdict.of(report));
    }

    /** Strict UTF-8 without NUL: a binary file is refused as such, not as "not JSON at line 1". */
    private static String readText(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                throw new CharacterCodingException();
            }
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static Result invalid(String problem) {
        return new Result(List.of(problem), null, null);
    }
}
