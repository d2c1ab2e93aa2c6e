package io.awslabs.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
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

    /**
     * Writes {@code <dir>/<run-id>.json} atomically: a reader never sees half a report, and the
     * Ctrl-C hook and the main thread, which may both write the same run's report, each write
     * their own temporary file.
     */
    public static Path write(RunReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(report.runId() + ".json");
        Path tmp = Files.createTempFile(dir, report.runId() + ".", ".json.tmp");
        MAPPER.writeValue(tmp.toFile(), report);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    public static RunReport read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), RunReport.class);
    }
}
