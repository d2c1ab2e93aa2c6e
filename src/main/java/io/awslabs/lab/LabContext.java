package io.awslabs.lab;

import io.awslabs.report.ReportText;
import io.awslabs.report.StepRecord;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.Wait;
import io.awslabs.targets.IamEnforcement;
import io.awslabs.targets.Target;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.Phrase;
import io.awslabs.text.Said;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What a lab sees of its run: the target's clients, the run id and the names and tags built
 * from it, the ledger behind {@link #create}, the wait utility, timed steps, its options, and
 * notes for the report.
 */
public final class LabContext implements Provisioning {
    /** Every resource name starts so ({@link #name}): what a policy can narrow names to. */
    public static final String NAME_PREFIX = "labs-";
    /** The tag whose value is the run id ({@link #tags}). */
    public static final String RUN_ID_TAG = "labs:run-id";
    private final String runId;
    private final LabInfo info;
    private final Target target;
    private final ResourceLedger ledger;
    private final Progress progress;
    private final Instant expiresAt;
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<Said> notes = new ArrayList<>();
    private final Map<String, String> options;
    private final Wait wait;
    private final Teardown teardown;
    private final Class<?> textsOf;

    /** {@code textsOf}: the class next to which the lab's texts in other languages are ({@link LabText}). */
    LabContext(Class<?> textsOf, String runId, LabInfo info, Target target, ResourceLedger ledger, Progress progress,
               Instant expiresAt, Map<String, String> options, AtomicLong waitMillis, Wait.Clock clock) {
        this.textsOf = textsOf;
        this.runId = runId;
        this.info = info;
        this.target = target;
        this.ledger = ledger;
        this.progress = progress;
        this.expiresAt = expiresAt;
        this.options = options;
        this.wait = new Wait(clock, new WaitReport(info.id(), progress, waitMillis), target.changesPropagate());
        this.teardown = new Teardown(target, runId, wait, line -> progress.info(info.id(), line));
    }

    @Override public String runId() { return runId; }
    public String labId() { return info.id(); }
    @Override public Target target() { return target; }
    @Override public Wait waits() { return wait; }

    /** {@code labs-<lab>-<runid>}: every resource name carries the run id. */
    @Override
    public String name() {
        return NAME_PREFIX + info.id() + "-" + runId;
    }

    /** The tags every taggable resource carries. */
    @Override
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(RUN_ID_TAG, runId);
        tags.put("labs:lab", info.id());
        tags.put("labs:expires-at", expiresAt.toString());
        return tags;
    }

    /**
     * Runs a create call and registers the result under its kind before returning it, so no code
     * of the lab runs between a resource existing and teardown knowing it. The run's journal gets
     * the intent (kind, name prefix, region) on disk before the call, and the id after it: a run
     * killed in between leaves enough for {@code labs cleanup}, which deletes through the same kind.
     */
    @Override
    public <T> T create(ResourceKind kind, Creator<T> create, Function<T, String> idOf) throws Exception {
        declared(kind);
        long seq = ledger.intent(kind.type(), name());
        T created;
        try {
            created = create.create();
        } catch (Exception | Error e) {
            ledger.createFailed(seq, e);
            throw e;
        }
        String id = idOf.apply(created);
        ledger.register(seq, kind.type(), id, () -> kind.delete(teardown, id));
        progress.info(info.id(), RunWords.created(kind.type(), id));
        return created;
    }

    /**
     * A lab's policy grants the actions of the kinds it declares ({@code labs policy}), so a kind
     * it creates through without declaring it would fail for a user given exactly that policy.
     */
    void declared(ResourceKind kind) {
        if (!info.declares(kind)) {
            throw new IllegalStateException("lab " + info.id() + " creates a " + kind.type()
                    + " but does not declare it: add its kind to LabInfo.provisions(...)");
        }
    }

    /**
     * Something of this machine (a local server) that teardown closes with the lab's resources,
     * in the same newest-first order; it has no journal record, since it ends with the process.
     */
    public <T extends AutoCloseable> T closeAtTeardown(String what, Creator<T> start) throws Exception {
        T started = start.create();
        ledger.registerLocal(what, started.toString(), started::close);
        progress.info(info.id(), RunWords.phrase("started", what, started));
        return started;
    }

    /** The emulator of a lab's own where policies decide, as its teardown row and progress line name it, like a resource type. */
    static final String ENFORCING_EMULATOR = "IAM-enforcing emulator";

    /**
     * Where this lab can prove how IAM policies decide requests, as the target says
     * ({@link Target#iamEnforcement}): on AWS, the run's own account, provisioned as usual; on moto,
     * a moto of the lab's own with enforcement on, started now and stopped at teardown after what
     * the lab created there; elsewhere the run's target, with the reason it decides nothing by
     * policy noted in the report. Call it once, from provision.
     */
    public IamEnforcing iamEnforcing() throws Exception {
        IamEnforcement enforcement = target.iamEnforcement();
        if (enforcement instanceof IamEnforcement.Enforced enforced) {
            IamEnforcement.Enforcing opened = enforced.open(this::progress);
            if (!opened.separate()) {
                return new IamEnforcing(this, enforced.where(), Optional.empty());
            }
            Target own = closeAtTeardown(ENFORCING_EMULATOR, opened::target);
            return new IamEnforcing(new PrivateProvisioning(this, own, "private " + own.kind().id()), enforced.where(),
                    Optional.empty());
        }
        if (enforcement instanceof IamEnforcement.NotEnforced notEnforced) {
            note(Words.iamEnforcement(notEnforced.why()));
            return new IamEnforcing(this, "the run's target, which decides nothing by policy", Optional.empty());
        }
        Said why = ((IamEnforcement.Unknown) enforcement).why();
        note(Words.iamEnforcement(why));
        return new IamEnforcing(this, "the run's target", Optional.of(why));
    }

    /**
     * The lab's own words while it runs, a step's name or what a wait is for ({@link LabWords}),
     * said in the watcher's language.
     */
    public Phrase words(String key, Object... args) {
        return LabWords.of(textsOf, key, args);
    }

    /** A timed sub-step, shown in progress and recorded in the report, its name in every language. */
    public <T> T step(Said name, Creator<T> body) throws Exception {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        progress.stepStarted(info.id(), name);
        String outcome = ReportText.STEP_OK;
        try {
            return body.create();
        } catch (Exception | Error e) {
            outcome = ReportText.STEP_FAILED + Proof.describe(e);
            throw e;
        } finally {
            long millis = (System.nanoTime() - t0) / 1_000_000;
            synchronized (steps) {
                steps.add(new StepRecord(name.in(Lang.EN), started, millis, outcome, Words.stepTranslations(name)));
            }
            progress.stepFinished(info.id(), name, millis, outcome);
        }
    }

    /** A line for the person watching (progress on stderr), not for the report. */
    @Override
    public void progress(Said message) {
        progress.info(info.id(), message);
    }

    /** A remark the report keeps with the lab, such as a resource that cannot be deleted at once. */
    @Override
    public void note(Said text) {
        synchronized (notes) {
            if (!notes.contains(text)) {
                notes.add(text);
            }
        }
    }

    /**
     * A note the lab declares ({@link LabInfo#runNote}), filled with this run's values, said in each
     * language from the lab's texts; an undeclared name fails here, at the run, not in a report.
     */
    public void note(String name, Object... values) {
        info.runNoteOf(name);
        note(new LabNote(textsOf, info, name, Arrays.asList(values)));
    }

    private record LabNote(Class<?> textsOf, LabInfo info, String name, List<Object> values) implements Said {
        @Override
        public String in(Lang lang) {
            return Messages.fill(LabText.of(textsOf, info, lang).runNote(name),
                    values.stream().map(v -> v instanceof Said s ? s.in(lang) : v).toArray());
        }
    }

    /** A boolean option the lab declares, as given on the command line or its default. */
    public boolean flag(String name) {
        return Boolean.parseBoolean(declared(name, LabOption.Type.BOOLEAN).orElseThrow());
    }

    /** A duration option in seconds the lab declares. */
    public Duration seconds(String name) {
        return Duration.ofSeconds(Long.parseLong(declared(name, LabOption.Type.SECONDS).orElseThrow()));
    }

    /** A text option the lab declares; empty when neither given nor defaulted. */
    public Optional<String> text(String name) {
        return declared(name, LabOption.Type.TEXT);
    }

    private Optional<String> declared(String name, LabOption.Type type) {
        LabOption option = info.optionNamed(name).filter(o -> o.type() == type).orElseThrow(() ->
                new IllegalArgumentException("lab " + info.id() + " declares no " + type + " option " + name));
        return Optional.ofNullable(options.getOrDefault(name, option.defaultValue()));
    }

    List<StepRecord> steps() {
        synchronized (steps) {
            return List.copyOf(steps);
        }
    }

    List<Said> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    ResourceLedger ledger() {
        return ledger;
    }

    /** Waits count as deliberate waits in the report, and the person watching hears of each pause. */
    private static final class WaitReport implements Wait.Listener {
        private final String labId;
        private final Progress progress;
        private final AtomicLong waitMillis;

        WaitReport(String labId, Progress progress, AtomicLong waitMillis) {
            this.labId = labId;
            this.progress = progress;
            this.waitMillis = waitMillis;
        }

        @Override
        public void waiting(Said what, Duration elapsed, Duration timeout, String lastAnswer) {
            progress.waiting(labId, what, elapsed, timeout, lastAnswer);
        }

        @Override
        public void waited(Duration paused) {
            waitMillis.addAndGet(paused.toMillis());
        }
    }
}
