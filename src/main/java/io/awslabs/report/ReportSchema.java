package io.awslabs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The published JSON Schema of a run report ({@value #RESOURCE}, next to this class), and
 * validation against it. The schema describes exactly what {@link ReportJson} writes, so a
 * report edited by hand, truncated, or written by another tool is caught before it is trusted.
 */
public final class ReportSchema {
    public static final String RESOURCE = "run-report.schema.json";

    /** One place where a document breaks the schema: a JSON pointer ("" is the whole document). */
    public record Violation(String pointer, String message) {
        @Override
        public String toString() {
            return "at \"" + pointer + "\": " + message;
        }
    }

    private static final JsonSchema SCHEMA = load();

    private ReportSchema() { }

    /** Every violation, ordered by where it is in the document; empty when the document conforms. */
    public static List<Violation> validate(JsonNode document) {
        return SCHEMA.validate(document).stream()
                .map(m -> new Violation(m.getInstanceLocation().toString(), messageOf(m)))
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::message))
                .distinct()
                .toList();
    }

    /** The schema's own text, as published. */
    public static String text() {
        try (InputStream in = openSchema()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String messageOf(ValidationMessage m) {
        // getMessage() repeats the location in the library's own path style; the pointer says it once.
        String error = m.getError();
        return error != null ? error : m.getMessage();
    }

    private static JsonSchema load() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        try (InputStream in = openSchema()) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report schema " + RESOURCE, e);
        }
    }

    private static InputStream openSchema() throws IOException {
        InputStream in = ReportSchema.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException(RESOURCE + " is missing from the classpath");
        }
        return in;
    }
}
