package io.awslabs.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.awslabs.report.TeardownRecord.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run's journal says: where the run went, and every resource it meant to create. */
public record RecordedRun(Path file, Header header, List<RecordedResource> resources) {

    /** The run: its target (kind, endpoint for emulators, region, account, AWS profile) and labs. */
    public record Header(String runId, Instant startedAt, String target, String endpoint, String region,
                         String account, String profile, List<String> labs) { }

    /**
     * One create call. {@code id} is null when the call never returned (the resource may exist
     * or not) or was refused ({@code refused}: the service answered no, nothing exists);
     * {@code outcome} is the last teardown or cleanup outcome, null if none yet.
     */
    public record RecordedResource(long seq, String lab, String type, String namePrefix, String region, String id,
                                   String createFailure, boolean refused, Outcome outcome, String message) {

        /** Deleted, known to be gone, scheduled for deletion, or never created: nothing of it is left to do. */
        public boolean settled() {
            return refused || outcome == Outcome.DELETED || outcome == Outcome.ALREADY_GONE
                    || outcome == Outcome.SCHEDULED;
        }

        public boolean confirmed() {
            return id != null;
        }
    }

    /** The resources that may still exist. */
    public List<RecordedResource> open() {
        return resources.stream().filter(r -> !r.settled()).toList();
    }

    public static RecordedRun read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Header header = null;
        Map<Long, RecordedResource> resources = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode record;
            try {
                record = RunJournal.JSON.readTree(lines.get(i));
            } catch (IOException e) {
                if (i == lines.size() - 1) {
                    break; // a write cut short by a crash: everything before it was already on disk
                }
                throw new IOException(file + " line " + (i + 1) + " is not JSON", e);
            }
            if (record == null || !record.has("event")) {
                continue;
            }
            if (header == null && "run".equals(record.path("event").asText())) {
                header = header(record);
            }
            apply(record, resources);
        }
        if (header == null) {
            throw new IOException(file + " is not an aws-labs journal (no run record)");
        }
        return new RecordedRun(file, header, List.copyOf(resources.values()));
    }

    static void apply(JsonNode record, Map<Long, RecordedResource> resources) {
        long seq = record.path("seq").asLong();
        RecordedResource r = resources.get(seq);
        switch (record.path("event").asText()) {
            case "intent" -> resources.put(seq, new RecordedResource(seq, text(record, "lab"), text(record, "type"),
                    text(record, "namePrefix"), text(record, "region"), null, null, false, null, null));
            case "created" -> {
                if (r != null) resources.put(seq, new RecordedResource(seq, r.lab(), r.type(), r.namePrefix(),
                        r.region(), text(record, "id"), null, false, r.outcome(), r.message()));
            }
            case "createFailed", "createRefused" -> {
                if (r != null) resources.put(seq, new RecordedResource(seq, r.lab(), r.type(), r.namePrefix(),
                        r.region(), r.id(), text(record, "reason"), "createRefused".equals(record.path("event").asText()),
                        r.outcome(), r.message()));
            }
            case "outcome" -> {
                if (r != null) resources.put(seq, new RecordedResource(seq, r.lab(), r.type(), r.namePrefix(),
                        r.region(), r.id(), r.createFailure(), r.refused(), Outcome.valueOf(text(record, "outcome")),
                        text(record, "message")));
            }
            default -> { }
        }
    }

    private static Header header(JsonNode run) {
        List<String> labs = new ArrayList<>();
        run.path("labs").forEach(l -> labs.add(l.asText()));
        return new Header(text(run, "runId"), Instant.parse(text(run, "startedAt")), text(run, "target"),
                text(run, "endpoint"), text(run, "region"), text(run, "account"), text(run, "profile"), List.copyOf(labs));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
