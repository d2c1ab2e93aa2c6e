package io.awslabs.report;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as the Markdown a learner pastes into their notes: the concept and exam angle,
 * what was proven, what was not and why, then the evidence folded away. Renders on GitHub,
 * GitLab, Obsidian and any CommonMark viewer with tables.
 */
public final class MarkdownReport {
    private final StringBuilder out = new StringBuilder(8 * 1024);

    private MarkdownReport() { }

    public static String render(RunReport report) {
        return new MarkdownReport().document(RedactedReport.of(report));
    }

    private String document(RunReport r) {
        Verdict.Outcome outcome = Verdict.of(r).outcome();
        String title = r.labs().size() == 1 ? r.labs().get(0).lab().title() : "aws-labs run " + r.runId();
        out.append("# ").append(prose(title)).append("\n\n");
        out.append("aws-labs run `").append(r.runId()).append("` on ").append(prose(ReportText.target(r.target())))
                .append(", ").append(ReportText.instant(r.startedAt())).append(", took ")
                .append(ReportText.duration(Duration.between(r.startedAt(), r.finishedAt()).toMillis()))
                .append(" (aws-labs ").append(prose(r.toolVersion())).append(")\n\n");
        out.append("**").append(outcome.headline()).append("**: ").append(outcome.meaning()).append(". ")
                .append(prose(ProvenHere.of(r, FidelityMatrix.bundled()).sentence())).append(". ")
                .append(ReportText.totals(r.totals())).append(".\n");
        if (r.wasInterrupted()) {
            out.append("\n**Interrupted:** the run was stopped before it ended")
                    .append(r.interrupted().labsNotRun().isEmpty() ? "" : "; these labs never ran: "
                            + prose(String.join(", ", r.interrupted().labsNotRun())))
                    .append(".\n");
        }
        r.labs().forEach(this::lab);
        out.append("\n---\n*Credentials, presigned URL signatures and private keys are redacted. ")
                .append("Source: `").append(r.runId()).append(".json`, checked with `labs report check`.*\n");
        return out.toString();
    }

    private void lab(LabReport lab) {
        LabReport.LabSummary s = lab.lab();
        out.append("\n## ").append(prose(s.title())).append(" (`").append(s.id()).append("`): ")
                .append(LabBadge.of(lab)).append("\n\n");
        out.append("*").append(prose(String.join(", ", s.services()))).append(" · ")
                .append(ReportText.duration(lab.durationMs())).append(" · about $")
                .append(String.format(Locale.ROOT, "%.2f", s.costPerRunUsd())).append(" per run on AWS*\n\n");
        if (lab.skipReason() != null) {
            out.append("**Not run:** ").append(prose(lab.skipReason())).append("\n\n");
        }
        if (!s.concept().isBlank()) {
            out.append("> ").append(prose(s.concept())).append("\n\n");
        }
        if (!s.examAngle().isBlank()) {
            out.append("**Exam angle:** ").append(prose(s.examAngle())).append("\n\n");
        }
        out.append("| Status | Assertion | What it shows | Time |\n|---|---|---|---|\n");
        for (AssertionRecord a : lab.assertions()) {
            out.append("| ").append(ReportText.status(a)).append(" | ").append(cellCode(a.id())).append(" | ")
                    .append(prose(a.statement())).append(" | ").append(ReportText.duration(a.durationMs())).append(" |\n");
        }
        List<AssertionRecord> notProven = lab.assertions().stream().filter(a -> a.status() != Status.PASS).toList();
        if (!notProven.isEmpty()) {
            out.append("\n**Not proven here**\n\n");
            for (AssertionRecord a : notProven) {
                out.append("- ").append(code(a.id())).append(" (").append(a.status()).append("): ");
                if (a.status() == Status.FAIL) {
                    out.append("expected ").append(code(a.expected())).append(", got ").append(code(a.actual()));
                } else {
                    out.append(prose(a.reason() == null ? "no reason given" : a.reason()));
                }
                out.append('\n');
            }
        }
        List<AssertionRecord> withNotes = lab.assertions().stream().filter(a -> a.note() != null).toList();
        withNotes.forEach(a -> out.append("- ").append(code(a.id())).append(": ").append(prose(a.note())).append('\n'));
        evidence(lab);
        teardown(lab);
        if (!lab.notes().isEmpty()) {
            out.append("\n**Notes**\n\n");
            lab.notes().forEach(n -> out.append("- ").append(prose(n)).append('\n'));
        }
    }

    private void evidence(LabReport lab) {
        List<AssertionRecord> with = lab.assertions().stream()
                .filter(a -> !a.evidence().isEmpty() || !a.checks().isEmpty()).toList();
        if (with.isEmpty()) {
            return;
        }
        out.append("\n<details><summary>Evidence</summary>\n\n");
        for (AssertionRecord a : with) {
            out.append("- ").append(code(a.id())).append('\n');
            for (AssertionRecord.Check c : a.checks()) {
                out.append("  - ").append(c.held() ? "held: " : "**not held**: ").append(prose(c.what()))
                        .append(": expected ").append(code(c.expected())).append(", got ").append(code(c.actual())).append('\n');
            }
            for (Map.Entry<String, String> e : a.evidence().entrySet()) {
                out.append("  - ").append(code(e.getKey())).append(": ").append(code(e.getValue())).append('\n');
            }
        }
        out.append("\n</details>\n");
    }

    private void teardown(LabReport lab) {
        if (lab.teardown().isEmpty()) {
            return;
        }
        Map<TeardownRecord.Outcome, Long> byOutcome = lab.teardown().stream().collect(Collectors.groupingBy(
                TeardownRecord::outcome, () -> new EnumMap<>(TeardownRecord.Outcome.class), Collectors.counting()));
        out.append("\n**Teardown:** ").append(byOutcome.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "))).append("\n\n");
        out.append("| Outcome | Resource | Id | Message |\n|---|---|---|---|\n");
        for (TeardownRecord t : lab.teardown()) {
            out.append("| ").append(t.outcome()).append(" | ").append(prose(t.type())).append(" | ").append(cellCode(t.id()))
                    .append(" | ").append(t.detail() == null ? "" : prose(t.detail())).append(" |\n");
        }
    }

    /** Text that must read as text: no stray emphasis, links, HTML or table breaks. */
    static String prose(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (char c : text.replace("\r", "").replace('\n', ' ').toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) s.append('\\');
            s.append(c);
        }
        return s.toString();
    }

    static String code(String text) {
        return code(text, false);
    }

    /** Inside a table a pipe ends the cell, even in a code span, unless escaped. */
    static String cellCode(String text) {
        return code(text, true);
    }

    /** An inline code span that survives backticks in the value. */
    private static String code(String text, boolean inTable) {
        if (text == null || text.isEmpty()) {
            return "(none)";
        }
        String flat = text.replace("\r", "").replace('\n', ' ');
        if (inTable) {
            flat = flat.replace("|", "\\|");
        }
        int longest = 0, run = 0;
        for (char c : flat.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
        return fence + pad + flat + pad + fence;
    }
}
