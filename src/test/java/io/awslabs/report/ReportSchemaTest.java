package io.awslabs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportSchemaTest {
    @TempDir
    Path dir;

    private static JsonNode written(RunReport report) throws Exception {
        return ReportJson.MAPPER.readTree(ReportJson.render(report));
    }

    @Test
    void everyReportTheWriterProducesConformsToTheSchema() throws Exception {
        assertThat(ReportSchema.validate(written(ReportFixture.mixed()))).isEmpty();
        for (Status status : Status.values()) {
            for (TeardownRecord.Outcome outcome : TeardownRecord.Outcome.values()) {
                assertThat(ReportSchema.validate(written(ReportJsonTest.sample(status, outcome))))
                        .as(status + "/" + outcome).isEmpty();
            }
        }
    }

    @Test
    void optionalFieldsAreAbsentNotNullAndTheSchemaAcceptsThemMissing() throws Exception {
        RunReport r = ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED);
        RunReport awsTarget = new RunReport(r.schema(), r.schemaVersion(), r.toolVersion(), r.runId(),
                new RunReport.TargetInfo("aws", null, "eu-west-1", null), r.startedAt(), r.finishedAt(), r.timings(),
                r.labs(), r.totals());

        JsonNode json = written(awsTarget);

        assertThat(json.path("target").has("endpoint")).isFalse();
        assertThat(ReportSchema.validate(json)).isEmpty();
    }

    @Test
    void anInterruptedRunAndAnIdentifiedEmulatorConformToVersionOne() throws Exception {
        RunReport r = ReportJsonTest.sample(Status.PASS, TeardownRecord.Outcome.DELETED);
        RunReport endpoint = new RunReport(r.schema(), r.schemaVersion(), r.toolVersion(), r.runId(),
                new RunReport.TargetInfo("endpoint", "http://127.0.0.1:4566", "us-east-1", "000000000000", "localstack"),
                r.startedAt(), r.finishedAt(), r.timings(), r.labs(), r.totals())
                .interruptedBefore(List.of("kms-envelope-encryption", "ssm-run-command"));

        JsonNode json = written(endpoint);

        assertThat(json.at("/interrupted/labsNotRun/0").asText()).isEqualTo("ssm-run-command");
        assertThat(json.at("/target/emulator").asText()).isEqualTo("localstack");
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(ReportSchema.validate(json)).isEmpty();
        assertThat(written(r).has("interrupted")).as("absent for a run that went to its end").isFalse();
    }

    /** "Exactly what ReportJson writes": the schema names every record component and nothing else. */
    @Test
    void schemaPropertiesAreExactlyTheReportRecordsComponents() throws Exception {
        JsonNode schema = ReportJson.MAPPER.readTree(ReportSchema.text());
        List<String> mismatches = new ArrayList<>();
        compare(RunReport.class, schema, schema, "", mismatches);
        assertThat(mismatches).isEmpty();
    }

    private static void compare(Class<?> record, JsonNode node, JsonNode root, String where, List<String> mismatches) {
        JsonNode def = resolve(node, root);
        Set<String> components = new TreeSet<>();
        Arrays.stream(record.getRecordComponents()).forEach(c -> components.add(c.getName()));
        Set<String> properties = new TreeSet<>();
        def.path("properties").fieldNames().forEachRemaining(properties::add);
        if (!components.equals(properties)) {
            mismatches.add(where + ": " + record.getSimpleName() + " has " + components + ", schema has " + properties);
        }
        if (!def.path("additionalProperties").isBoolean() || def.path("additionalProperties").asBoolean()) {
            mismatches.add(where + ": " + record.getSimpleName() + " must not allow additional properties");
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = def.path("properties").path(c.getName());
            Class<?> nested = nestedRecord(c.getGenericType());
            if (nested != null && !property.isMissingNode()) {
                JsonNode target = resolve(property, root);
                compare(nested, target.has("items") ? target.get("items") : target, root, where + "/" + c.getName(), mismatches);
            }
        }
    }

    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> cls && cls.isRecord()) {
            return cls;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> item && item.isRecord()) {
            return item;
        }
        return null;
    }

    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = root.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    @Test
    void eachViolationIsReportedWithItsJsonPointer() throws Exception {
        ObjectNode json = (ObjectNode) written(ReportFixture.mixed());
        ((ObjectNode) json.at("/labs/0/assertions/1")).put("status", "MAYBE");
        ((ObjectNode) json.at("/labs/0/teardown/0")).put("deletedBy", "me");
        ((ObjectNode) json.at("/labs/1")).remove("startedAt");
        json.put("runId", "NOT-A-RUN-ID");
        ((ObjectNode) json.get("timings")).put("apiMs", -5);

        List<ReportSchema.Violation> violations = ReportSchema.validate(json);

        assertThat(violations).extracting(ReportSchema.Violation::pointer)
                .containsExactlyInAnyOrder("/labs/0/assertions/1/status", "/labs/0/teardown/0", "/labs/1", "/runId",
                        "/timings/apiMs");
        assertThat(violations.toString()).contains("deletedBy", "startedAt", "enumeration");
    }

    @Test
    void checkerCallsASchemaViolationInvalidAndListsEveryOne() throws Exception {
        ObjectNode json = (ObjectNode) written(ReportFixture.mixed());
        ((ObjectNode) json.at("/labs/0/assertions/0")).remove("statement");
        ((ObjectNode) json.at("/labs/0/steps/0")).put("startedAt", "yesterday");
        Path file = Files.writeString(dir.resolve("edited.json"), json.toString());

        ReportChecker.Result result = new ReportChecker().check(file);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).hasSize(2)
                .anyMatch(p -> p.startsWith("at \"/labs/0/assertions/0\": ") && p.contains("statement"))
                .anyMatch(p -> p.startsWith("at \"/labs/0/steps/0/startedAt\": ") && p.contains("date-time"));
    }
}
