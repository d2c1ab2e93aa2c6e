package io.awslabs.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;

/** The JSON form of a run report: the source of truth every other format is drawn from. */
public final class ReportJson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ReportJson() { }

    /** Writes {@code <dir>/<run-id>.json} atomically (a reader never sees half a report). */
    public static Path write(RunReport report, Path dir) throws IOException {
        return ReportFiles.writeAtomically(dir, report.runId() + ".json", render(report));
    }

    /** The report as JSON, redacted like every other format. */
    public static String render(RunReport report) {
        try {
            return MAPPER.writeValueAsString(RedactedReport.of(report)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run report could not be serialized", e);
        }
    }

    public static RunReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), RunReport.class);
    }
}
