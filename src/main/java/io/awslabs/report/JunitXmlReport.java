package io.awslabs.report;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report in the JUnit XML dialect CI systems draw (Jenkins, GitLab, GitHub test reporters,
 * Maven Surefire's own reader): a {@code <testsuite>} per lab, a {@code <testcase>} per
 * assertion. FAIL is a {@code <failure>} with expected and actual, ERROR an {@code <error>},
 * SKIPPED a {@code <skipped>} with its reason. A lab that created resources gets one more
 * testcase, {@code teardown}, that fails when anything was left behind: a CI job must go red
 * when a run leaves resources running, as {@code labs run} exits 4.
 *
 * <p>Which case fails is the report's {@link Verdict}, never a judgement of its own: a SKIPPED
 * without a reason is a failure, a lab that stopped early without an assertion to show for it
 * has an erroring {@code lab} case, and an interrupted run has a failing {@code interrupted}
 * case, so CI is red exactly when {@code labs report check} exits non-zero.
 */
public final class JunitXmlReport {
    public static final String TEARDOWN_CASE = "teardown";
    public static final String LAB_CASE = "lab";
    public static final String RUN_SUITE = "aws-labs";
    public static final String INTERRUPTED_CASE = "interrupted";

    private final StringBuilder out = new StringBuilder(16 * 1024);
    private final Verdict verdict;

    private JunitXmlReport(Verdict verdict) {
        this.verdict = verdict;
    }

    public static String render(RunReport report) {
        RunReport redacted = RedactedReport.of(report);
        return new JunitXmlReport(Verdict.of(redacted)).document(redacted);
    }

    private String document(RunReport r) {
        int tests = 0, failures = 0, errors = 0, skipped = 0;
        for (LabReport lab : r.labs()) {
            Counts c = counts(lab);
            tests += c.tests;
            failures += c.failures;
            errors += c.errors;
            skipped += c.skipped;
        }
        List<Verdict.Problem> ofRun = verdict.problemsOfRun();
        if (!ofRun.isEmpty()) {
            tests++;
            failures++;
        }
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"").append(attr("aws-labs run " + r.runId())).append('"')
                .append(counts(tests, failures, errors, skipped))
                .append(" time=\"").append(seconds(r.timings().totalMs())).append("\">\n");
        for (LabReport lab : r.labs()) {
            suite(r, lab);
        }
        if (!ofRun.isEmpty()) {
            interrupted(r, ofRun);
        }
        out.append("</testsuites>\n");
        return out.toString();
    }

    /** The run's own problem (it was interrupted) as a suite of its own, so CI shows the labs that never ran. */
    private void interrupted(RunReport r, List<Verdict.Problem> problems) {
        String message = String.join("; ", problems.stream().map(Verdict.Problem::text).toList());
        out.append("  <testsuite name=\"").append(RUN_SUITE).append('"').append(counts(1, 1, 0, 0))
                .append(" time=\"0.000\" timestamp=\"")
                .append(LocalDateTime.ofInstant(r.finishedAt(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS))
                .append("\">\n    <testcase name=\"").append(INTERRUPTED_CASE).append("\" classname=\"").append(RUN_SUITE)
                .append("\" time=\"0.000\">\n      <failure message=\"").append(attr(message)).append("\" type=\"INTERRUPTED\">")
                .append(text(message)).append("</failure>\n    </testcase>\n  </testsuite>\n");
    }

    private void suite(RunReport r, LabReport lab) {
        Counts c = counts(lab);
        String classname = lab.lab().id();
        out.append("  <testsuite name=\"").append(attr(classname)).append('"')
                .append(counts(c.tests, c.failures, c.errors, c.skipped))
                .append(" time=\"").append(seconds(lab.durationMs())).append('"')
                .append(" timestamp=\"").append(timestamp(lab)).append("\">\n");
        out.append("    <properties>\n");
        property("run-id", r.runId());
        property("lab.title", lab.lab().title());
        property("target", r.target().kind());
        if (r.target().endpoint() != null) property("endpoint", r.target().endpoint());
        property("region", r.target().region());
        property("tool-version", r.toolVersion());
        if (lab.skipReason() != null) property("skip-reason", lab.skipReason());
        out.append("    </properties>\n");
        for (AssertionRecord a : lab.assertions()) {
            testcase(classname, a);
        }
        for (Verdict.Problem p : verdict.problemsOf(classname, Verdict.Scope.LAB)) {
            out.append("    <testcase name=\"").append(LAB_CASE).append("\" classname=\"").append(attr(classname))
                    .append("\" time=\"0.000\">\n      <error message=\"").append(attr(p.text())).append("\" type=\"ERROR\">")
                    .append(text(p.text())).append("</error>\n    </testcase>\n");
        }
        if (!lab.teardown().isEmpty()) {
            teardown(classname, lab.teardown(), !verdict.problemsOf(classname, Verdict.Scope.TEARDOWN).isEmpty());
        }
        if (!lab.notes().isEmpty()) {
            out.append("    <system-out>").append(text(String.join("\n", lab.notes()))).append("</system-out>\n");
        }
        out.append("  </testsuite>\n");
    }

    private void testcase(String classname, AssertionRecord a) {
        out.append("    <testcase name=\"").append(attr(a.id())).append("\" classname=\"").append(attr(classname))
                .append("\" time=\"").append(seconds(a.durationMs())).append("\">\n");
        if (a.localProof()) {
            out.append("      <properties><property name=\"localProof\" value=\"true\"/></properties>\n");
        }
        switch (a.status()) {
            case FAIL -> out.append("      <failure message=\"").append(attr(failureMessage(a)))
                    .append("\" type=\"FAIL\">").append(text(detail(a))).append("</failure>\n");
            case ERROR -> out.append("      <error message=\"").append(attr(a.reason() == null ? "error" : a.reason()))
                    .append("\" type=\"ERROR\">").append(text(detail(a))).append("</error>\n");
            case SKIPPED -> {
                Optional<Verdict.Problem> problem = verdict.problemOf(classname, a.id());
                if (problem.isPresent()) {
                    out.append("      <failure message=\"").append(attr(problem.get().text()))
                            .append("\" type=\"SKIPPED\">").append(text(detail(a))).append("</failure>\n");
                } else {
                    out.append("      <skipped message=\"").append(attr(a.reason())).append("\"/>\n");
                }
            }
            case PASS -> { }
        }
        out.append("      <system-out>").append(text(detail(a))).append("</system-out>\n");
        out.append("    </testcase>\n");
    }

    private void teardown(String classname, List<TeardownRecord> records, boolean failed) {
        long millis = records.stream().mapToLong(TeardownRecord::durationMs).sum();
        List<TeardownRecord> left = records.stream().filter(t -> t.outcome().leftSomething()).toList();
        StringBuilder all = new StringBuilder();
        for (TeardownRecord t : records) {
            all.append(t.outcome()).append("  ").append(t.type()).append(' ').append(t.id())
                    .append(t.message() != null ? " (" + t.message() + ")" : "").append('\n');
        }
        out.append("    <testcase name=\"").append(TEARDOWN_CASE).append("\" classname=\"").append(attr(classname))
                .append("\" time=\"").append(seconds(millis)).append("\">\n");
        if (failed) {
            out.append("      <failure message=\"").append(attr(left.size() + " of " + records.size()
                            + " resource(s) left behind: they may still exist and cost money"))
                    .append("\" type=\"TEARDOWN\">").append(text(all.toString())).append("</failure>\n");
        }
        out.append("      <system-out>").append(text(all.toString())).append("</system-out>\n");
        out.append("    </testcase>\n");
    }

    private static String failureMessage(AssertionRecord a) {
        return "expected " + a.expected() + ", got " + a.actual();
    }

    /** What a person reading the CI log needs: the statement, expected vs actual, checks, evidence. */
    private static String detail(AssertionRecord a) {
        StringBuilder d = new StringBuilder(a.statement()).append('\n');
        if (a.expected() != null) d.append("expected: ").append(a.expected()).append('\n');
        if (a.actual() != null) d.append("actual:   ").append(a.actual()).append('\n');
        if (a.reason() != null) d.append("reason:   ").append(a.reason()).append('\n');
        if (a.note() != null) d.append("note:     ").append(a.note()).append('\n');
        for (AssertionRecord.Check c : a.checks()) {
            d.append(c.held() ? "  held     " : "  NOT HELD ").append(c.what()).append(": expected ")
                    .append(c.expected()).append(", got ").append(c.actual()).append('\n');
        }
        for (Map.Entry<String, String> e : a.evidence().entrySet()) {
            d.append("  evidence ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        }
        return d.toString();
    }

    private void property(String name, String value) {
        out.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
    }

    private static String counts(int tests, int failures, int errors, int skipped) {
        return " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\"" + skipped + '"';
    }

    /** The Ant JUnit schema's timestamp: ISO 8601 without a zone; ours is UTC. */
    private static String timestamp(LabReport lab) {
        return LocalDateTime.ofInstant(lab.startedAt(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String attr(String s) {
        return escape(s, true);
    }

    private static String text(String s) {
        return escape(s, false);
    }

    /** XML 1.0 cannot carry most control characters at all, escaped or not: they are dropped. */
    private static String escape(String s, boolean attribute) {
        StringBuilder e = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> e.append("&amp;");
                case '<' -> e.append("&lt;");
                case '>' -> e.append("&gt;");
                case '"' -> e.append(attribute ? "&quot;" : "\"");
                case '\n' -> e.append(attribute ? "&#10;" : "\n");
                case '\r' -> e.append("&#13;");
                case '\t' -> e.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (cp >= 0x20 && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE && cp != 0xFFFF) e.appendCodePoint(cp);
                }
            }
        });
        return e.toString();
    }

    private record Counts(int tests, int failures, int errors, int skipped) { }

    /** Every case and its outcome as {@link #suite} writes them, so the counts match the elements. */
    private Counts counts(LabReport lab) {
        String id = lab.lab().id();
        int failures = 0, errors = 0, skipped = 0;
        for (AssertionRecord a : lab.assertions()) {
            switch (a.status()) {
                case FAIL -> failures++;
                case ERROR -> errors++;
                case SKIPPED -> {
                    if (verdict.problemOf(id, a.id()).isPresent()) failures++; else skipped++;
                }
                case PASS -> { }
            }
        }
        int tests = lab.assertions().size();
        int labProblems = verdict.problemsOf(id, Verdict.Scope.LAB).size();
        tests += labProblems;
        errors += labProblems;
        if (!lab.teardown().isEmpty()) {
            tests++;
            if (!verdict.problemsOf(id, Verdict.Scope.TEARDOWN).isEmpty()) failures++;
        }
        return new Counts(tests, failures, errors, skipped);
    }
}
