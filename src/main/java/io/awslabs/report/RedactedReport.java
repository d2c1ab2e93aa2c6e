package io.awslabs.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A copy of a report with every piece of text passed through {@link Redactor}. Evidence is
 * redacted when it is recorded, but reasons, notes, step outcomes and teardown messages carry
 * whatever an exception said, and a report read from disk may have been written by anything:
 * every writer starts from this copy, so no format can show what another hides.
 */
public final class RedactedReport {
    private RedactedReport() { }

    public static RunReport of(RunReport r) {
        RunReport.TargetInfo t = r.target();
        return new RunReport(r.schema(), r.schemaVersion(), text(r.toolVersion()), r.runId(),
                t == null ? null : new RunReport.TargetInfo(text(t.kind()), text(t.endpoint()), text(t.region()), text(t.account()),
                        text(t.emulator())),
                r.startedAt(), r.finishedAt(), r.timings(), list(r.labs(), RedactedReport::lab), r.totals(),
                r.interrupted() == null ? null : new RunReport.Interruption(list(r.interrupted().labsNotRun(), RedactedReport::text)),
                r.challenge() == null ? null : challenge(r.challenge()));
    }

    private static ChallengeRecord challenge(ChallengeRecord c) {
        return new ChallengeRecord(text(c.lab()), text(c.goal()), c.startedAt(), c.checkedAt(), c.timeTakenMs(),
                c.hintsUsed(), c.solutionApplied(), c.passed(), c.skipped(), c.total());
    }

    private static LabReport lab(LabReport lab) {
        LabReport.LabSummary s = lab.lab();
        LabReport.LabSummary summary = new LabReport.LabSummary(text(s.id()), text(s.title()), text(s.concept()),
                text(s.examAngle()), list(s.services(), RedactedReport::text), s.costPerRunUsd(),
                map(s.translations(), t -> new LabReport.LabSummary.Translation(text(t.title()), text(t.concept()),
                        text(t.examAngle()))));
        return new LabReport(summary, lab.status(), text(lab.skipReason()), lab.startedAt(), lab.durationMs(),
                list(lab.steps(), st -> new StepRecord(text(st.name()), st.startedAt(), st.durationMs(), text(st.outcome()),
                        map(st.translations(), t -> new StepRecord.Translation(text(t.name()))))),
                list(lab.assertions(), RedactedReport::assertion),
                list(lab.teardown(), td -> new TeardownRecord(text(td.type()), text(td.id()), td.outcome(),
                        text(td.message()), td.durationMs(), td.scheduledFor(),
                        map(td.translations(), t -> new TeardownRecord.Translation(text(t.message()))))),
                list(lab.notes(), RedactedReport::text),
                map(lab.translations(), t -> new LabReport.Translation(list(t.notes(), RedactedReport::text),
                        text(t.skipReason()))));
    }

    private static AssertionRecord assertion(AssertionRecord a) {
        Map<String, String> evidence = new LinkedHashMap<>();
        if (a.evidence() != null) {
            a.evidence().forEach((k, v) -> evidence.put(text(k), text(v)));
        }
        return new AssertionRecord(text(a.id()), text(a.statement()), a.status(), text(a.expected()), text(a.actual()),
                text(a.reason()), text(a.note()), evidence,
                list(a.checks(), c -> new AssertionRecord.Check(text(c.what()), text(c.expected()), text(c.actual()), c.held())),
                a.durationMs(), a.localProof(),
                map(a.translations(), t -> new AssertionRecord.Translation(text(t.statement()), text(t.reason()),
                        text(t.note()))));
    }

    private static <T> Map<String, T> map(Map<String, T> byLanguage, Function<T, T> redact) {
        Map<String, T> redacted = new LinkedHashMap<>();
        byLanguage.forEach((lang, t) -> redacted.put(lang, redact.apply(t)));
        return redacted;
    }

    private static String text(String s) {
        return Redactor.redact(s);
    }

    private static <T> List<T> list(List<T> items, Function<T, T> redact) {
        return items == null ? List.of() : items.stream().map(redact).toList();
    }
}
