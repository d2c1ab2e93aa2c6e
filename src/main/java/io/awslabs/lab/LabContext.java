package io.awslabs.lab;

import io.awslabs.report.StepRecord;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkClient;

/**
 * What a lab sees of its run: the target's clients, the run id and the names and tags built
 * from it, the ledger behind {@link #create}, timed steps, and notes for the report.
 */
public final class LabContext {
    private final String runId;
    private final String labId;
    private final Target target;
    private final ResourceLedger ledger;
    private final Progress progress;
    private final Instant expiresAt;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Object> options;
    private final AtomicLong waitMillis;

    LabContext(String runId, String labId, Target target, ResourceLedger ledger, Progress progress,
               Instant expiresAt, Map<String, Object> options, AtomicLong waitMillis) {
        this.runId = runId;
        this.labId = labId;
        this.target = target;
        this.ledger = ledger;
        this.progress = progress;
        this.expiresAt = expiresAt;
        this.options = options;
        this.waitMillis = waitMillis;
    }

    public String runId() { return runId; }
    public String labId() { return labId; }
    public Target target() { return target; }

    public <T extends SdkClient> T client(Class<T> type) {
        return target.client(type);
    }

    /** {@code labs-<lab>-<runid>}: every resource name carries the run id. */
    public String name() {
        return "labs-" + labId + "-" + runId;
    }

    public String name(String suffix) {
        return name() + "-" + suffix;
    }

    /** The tags every taggable resource carries. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("labs:run-id", runId);
        tags.put("labs:lab", labId);
        tags.put("labs:expires-at", expiresAt.toString());
        return tags;
    }

    /** Converts {@link #tags()} into a service's own tag type. */
    public <T> List<T> tags(java.util.function.BiFunction<String, String, T> tag) {
        return tags().entrySet().stream().map(e -> tag.apply(e.getKey(), e.getValue())).toList();
    }

    /**
     * Runs a create call and registers the result in the ledger before returning it, so no
     * code of the lab runs between a resource existing and teardown knowing it. The run's
     * journal gets the intent (type, name prefix, region) on disk before the call, and the id
     * after it: a run killed in between leaves enough for {@code labs cleanup}.
     */
    public <T> T create(String type, Creator<T> create, Function<T, String> idOf, Remover<T> delete) throws Exception {
        long seq = ledger.intent(type, name());
        T created;
        try {
            created = create.create();
        } catch (Exception | Error e) {
            ledger.createFailed(seq, e);
            throw e;
        }
        String id = idOf.apply(created);
        ledger.register(seq, type, id, () -> delete.delete(created));
        progress.info(labId, "created " + type + " " + id);
        return created;
    }

    /** {@link #create} for the common case where the create call returns the resource id. */
    public String create(String type, Creator<String> create, Remover<String> delete) throws Exception {
        return create(type, create, Function.identity(), delete);
    }

    /** A timed sub-step, shown in progress and recorded in the report. */
    public <T> T step(String name, Creator<T> body) throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        progress.stepStarted(labId, name);
        String outcome = "ok";
        try {
            return body.create();
        } catch (Exception | Error e) {
            outcome = "failed: " + Proof.describe(e);
            throw e;
        } finally {
            long millis = (System.nanoTime() - t0) / 1_000_000;
            synchronized (steps) {
                steps.add(new StepRecord(name, started, millis, outcome));
            }
            progress.stepFinished(labId, name, millis, outcome);
        }
    }

    /**
     * A deliberate wait (an expiry, a propagation delay). Counted apart from API time so the
     * benchmark does not mistake it for overhead.
     */
    public void sleep(Duration duration, String why) throws InterruptedException {
        progress.info(labId, "waiting " + duration.toMillis() / 1000.0 + " s: " + why);
        long t0 = System.nanoTime();
        try {
            Thread.sleep(duration.toMillis());
        } finally {
            waitMillis.addAndGet((System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** A line for the person watching (progress on stderr), not for the report. */
    public void progress(String message) {
        progress.info(labId, message);
    }

    /** A remark the report keeps with the lab, such as a resource that cannot be deleted at once. */
    public void note(String text) {
        synchronized (notes) {
            if (!notes.contains(text)) {
                notes.add(text);
            }
        }
    }

    /** An option given on the command line for this run ({@code --option key=value}). */
    public String option(String key, String fallback) {
        Object value = options.get(key);
        return value == null ? fallback : value.toString();
    }

    List<StepRecord> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    ResourceLedger ledger() {
        return ledger;
    }

    @FunctionalInterface
    public interface Creator<T> {
        T create() throws Exception;
    }

    @FunctionalInterface
    public interface Remover<T> {
        void delete(T resource) throws Exception;
    }
}
