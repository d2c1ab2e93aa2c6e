package io.awslabs.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How every human-readable format writes times, durations and counts, so they read alike. */
public final class ReportText {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportText() { }

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

    /**
     * "6 passed, 0 failed, 1 skipped, 0 errors; teardown: 0 failed, 0 kept", as the run summary prints it;
     * local proofs are named apart: "7 passed (3 of them local proofs, not the target's), ...".
     */
    public static String totals(RunReport.Totals t) {
        String local = t.localPass() == 0 ? "" : String.format(Locale.ROOT, " (%d of them %s)", t.localPass(),
                t.localPass() == 1 ? "a local proof, not the target's" : "local proofs, not the target's");
        return String.format(Locale.ROOT, "%d passed%s, %d failed, %d skipped, %d errors; teardown: %d failed, %d kept",
                t.pass(), local, t.fail(), t.skipped(), t.error(), t.teardownFailed(), t.kept());
    }

    /** Said after an assertion's status when its checks ran on this machine only. */
    public static final String LOCAL_PROOF = "local proof";

    /** "PASS", or "PASS (local proof)" for an assertion the lab proves on this machine, not on the target. */
    public static String status(AssertionRecord a) {
        return a.localProof() ? a.status().name() + " (" + LOCAL_PROOF + ")" : a.status().name();
    }

    /** Where the run went, in one line. */
    public static String target(RunReport.TargetInfo t) {
        StringBuilder s = new StringBuilder(t.kind());
        if (t.endpoint() != null) s.append(" at ").append(t.endpoint());
        s.append(", ").append(t.region());
        if (t.account() != null) s.append(", account ").append(t.account());
        return s.toString();
    }
}
