package io.awslabs.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;

/** How every human-readable format writes times, durations and counts, so they read alike. */
public final class ReportText {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportText() { }

    /** How a step's outcome is recorded: {@link #STEP_OK}, or {@link #STEP_FAILED} and why. */
    public static final String STEP_OK = "ok";
    public static final String STEP_FAILED = "failed: ";

    /** "850 ms", "1.5 s", "2 min 05 s". */
    public static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        Duration d = Duration.ofMillis(millis);
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    public static String instant(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** Offset of {@code at} from {@code origin}, e.g. "+1.2 s". */
    public static String offset(Instant origin, Instant at) {
        return "+" + duration(Math.max(0, Duration.between(origin, at).toMillis()));
    }

    /** The report package's words in {@code lang}. */
    public static Messages words(Lang lang) {
        return Messages.of(ReportText.class, lang);
    }

    /**
     * "6 passed, 0 failed, 1 skipped, 0 errors; teardown: 0 failed, 0 kept", as the run summary prints it;
     * local proofs are named apart: "7 passed (3 of them local proofs, not the target's), ...".
     */
    public static String totals(RunReport.Totals t) {
        return totals(t, Lang.EN);
    }

    public static String totals(RunReport.Totals t, Lang lang) {
        Messages say = words(lang);
        String passed = t.localPass() == 0 ? say.get("totals.passed", t.pass())
                : say.get(t.localPass() == 1 ? "totals.passedLocal.one" : "totals.passedLocal.many", t.pass(), t.localPass());
        return say.get("totals", passed, t.fail(), t.skipped(), t.error(), t.teardownFailed(), t.kept());
    }

    /** Said after an assertion's status when its checks ran on this machine only. */
    public static final String LOCAL_PROOF = "local proof";

    /** "PASS", or "PASS (local proof)" for an assertion the lab proves on this machine, not on the target. */
    public static String status(AssertionRecord a) {
        return status(a, Lang.EN);
    }

    /** The status word stays English in every language (it is what the JSON and CI say); "local proof" does not. */
    public static String status(AssertionRecord a, Lang lang) {
        return a.localProof() ? words(lang).get("status.local", a.status().name()) : a.status().name();
    }

    /** Where the run went, in one line. */
    public static String target(RunReport.TargetInfo t) {
        return target(t, Lang.EN);
    }

    public static String target(RunReport.TargetInfo t, Lang lang) {
        Messages say = words(lang);
        String s = say.get("target.kind", t.kind());
        if (t.endpoint() != null) s = say.get("target.endpoint", s, t.endpoint());
        s = say.get("target.region", s, t.region());
        if (t.account() != null) s = say.get("target.account", s, t.account());
        return s;
    }

    /** A step's outcome as the report records it ("ok", "failed: WHY"), in {@code lang}; WHY stays as it was said. */
    public static String stepOutcome(String outcome, Lang lang) {
        if (STEP_OK.equals(outcome)) return words(lang).get("step.ok");
        if (outcome != null && outcome.startsWith(STEP_FAILED)) {
            return words(lang).get("step.failed", outcome.substring(STEP_FAILED.length()));
        }
        return outcome;
    }

    /** The teardown row's message, and for a SCHEDULED deletion when it happens. */
    public static String teardownDetail(TeardownRecord t, Lang lang) {
        String message = t.message(lang);
        if (t.scheduledFor() == null) {
            return message;
        }
        String when = words(lang).get("teardown.scheduledFor", t.scheduledFor());
        return message == null ? when : words(lang).get("join.clause", message, when);
    }

    /** "a, b, c" with the list punctuation of {@code lang}. */
    public static String list(List<String> items, Lang lang) {
        return items.stream().reduce((a, b) -> words(lang).get("join.list", a, b)).orElse("");
    }
}
