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

    /** "6 passed, 0 failed, 1 skipped, 0 errors; teardown: 0 failed, 0 kept", as the run summary prints it. */
    public static String totals(RunReport.Totals t) {
        return String.format(Locale.ROOT, "%d passed, %d failed, %d skipped, %d errors; teardown: %d failed, %d kept",
                t.pass(), t.fail(), t.skipped(), t.error(), t.teardownFailed(), t.kept());
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
