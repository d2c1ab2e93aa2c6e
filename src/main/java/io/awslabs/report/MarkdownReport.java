package io.awslabs.report;

import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
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
    private final Lang lang;
    private final Messages say;

    private MarkdownReport(Lang lang) {
        this.lang = lang;
        this.say = ReportText.words(lang);
    }

    public static String render(RunReport report) {
        return render(report, Lang.EN);
    }

    /** The document with its headings and the report's texts in {@code lang}; a text not translated reads in English. */
    public static String render(RunReport report, Lang lang) {
        return new MarkdownReport(lang).document(RedactedReport.of(report));
    }

    private String document(RunReport r) {
        Verdict.Outcome outcome = Verdict.of(r).outcome();
        String title = r.labs().size() == 1 ? r.labs().get(0).lab().title(lang) : say.get("doc.runTitle", r.runId());
        out.append("# ").append(prose(title)).append("\n\n");
        out.append(say.get("md.byline", "`" + r.runId() + "`", prose(ReportText.target(r.target(), lang)),
                ReportText.instant(r.startedAt()),
                ReportText.duration(Duration.between(r.startedAt(), r.finishedAt()).toMillis()), prose(r.toolVersion())))
                .append("\n\n");
        out.append(say.get("md.verdict", outcome.headline(lang), outcome.meaning(lang),
                prose(ProvenHere.of(r, FidelityMatrix.bundled()).sentence(lang)), ReportText.totals(r.totals(), lang)))
                .append('\n');
        if (r.wasInterrupted()) {
            String what = say.get("doc.interrupted");
            if (!r.interrupted().labsNotRun().isEmpty()) {
                what = say.get("doc.neverRan", what, prose(ReportText.list(r.interrupted().labsNotRun(), lang)));
            }
            out.append('\n').append(say.get("md.interrupted", what)).append('\n');
        }
        r.labs().forEach(this::lab);
        out.append("\n---\n").append(say.get("md.footer", "`" + r.runId() + ".json`", "`labs report check`")).append('\n');
        return out.toString();
    }

    private void lab(LabReport lab) {
        LabReport.LabSummary s = lab.lab();
        out.append("\n## ").append(say.get("md.labHeading", prose(s.title(lang)), "`" + s.id() + "`", LabBadge.of(lab)))
                .append("\n\n");
        out.append("*").append(prose(String.join(", ", s.services()))).append(" · ")
                .append(ReportText.duration(lab.durationMs())).append(" · ")
                .append(say.get("doc.perRun", String.format(Locale.ROOT, "%.2f", s.costPerRunUsd()))).append("*\n\n");
        if (lab.skipReason() != null) {
            out.append("**").append(say.get("doc.notRun")).append("** ").append(prose(lab.skipReason(lang))).append("\n\n");
        }
        String concept = s.concept(lang);
        if (concept != null && !concept.isBlank()) {
            out.append("> ").append(prose(concept)).append("\n\n");
        }
        String examAngle = s.examAngle(lang);
        if (examAngle != null && !examAngle.isBlank()) {
            out.append("**").append(say.get("doc.examAngle")).append("** ").append(prose(examAngle)).append("\n\n");
        }
        out.append(say.get("md.table")).append("\n|---|---|---|---|\n");
        for (AssertionRecord a : lab.assertions()) {
            out.append("| ").append(ReportText.status(a, lang)).append(" | ").append(cellCode(a.id())).append(" | ")
                    .append(prose(a.statement(lang))).append(" | ").append(ReportText.duration(a.durationMs())).append(" |\n");
        }
        List<AssertionRecord> notProven = lab.assertions().stream().filter(a -> a.status() != Status.PASS).toList();
        if (!notProven.isEmpty()) {
            out.append("\n**").append(say.get("md.notProven")).append("**\n\n");
            for (AssertionRecord a : notProven) {
                String why;
                if (a.status() == Status.FAIL) {
                    why = say.get("md.expectedGot", code(a.expected()), code(a.actual()));
                } else {
                    String reason = a.reason(lang);
                    why = prose(reason == null ? say.get("md.noReason") : reason);
                }
                out.append("- ").append(say.get("md.notProvenItem", code(a.id()), a.status(), why)).append('\n');
            }
        }
        List<AssertionRecord> withNotes = lab.assertions().stream().filter(a -> a.note() != null).toList();
        withNotes.forEach(a -> out.append("- ").append(say.get("join.colon", code(a.id()), prose(a.note(lang)))).append('\n'));
        evidence(lab);
        teardown(lab);
        if (!lab.notes().isEmpty()) {
            out.append("\n**").append(say.get("doc.notes")).append("**\n\n");
            lab.notes(lang).forEach(n -> out.append("- ").append(prose(n)).append('\n'));
        }
    }

    private void evidence(LabReport lab) {
        List<AssertionRecord> with = lab.assertions().stream()
                .filter(a -> !a.evidence().isEmpty() || !a.checks().isEmpty()).toList();
        if (with.isEmpty()) {
            return;
        }
        out.append("\n<details><summary>").append(say.get("doc.evidence")).append("</summary>\n\n");
        for (AssertionRecord a : with) {
            out.append("- ").append(code(a.id())).append('\n');
            for (AssertionRecord.Check c : a.checks()) {
                out.append("  - ").append(say.get(c.held() ? "md.held" : "md.notHeld", prose(c.what()), code(c.expected()),
                        code(c.actual()))).append('\n');
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
        out.append("\n").append(say.get("md.teardown", ReportText.list(byOutcome.entrySet().stream()
                .map(e -> say.get("teardown.count", e.getValue(), say.get("teardown." + e.getKey().name()))).toList(), lang)))
                .append("\n\n");
        out.append(say.get("md.teardownTable")).append("\n|---|---|---|---|\n");
        for (TeardownRecord t : lab.teardown()) {
            String detail = ReportText.teardownDetail(t, lang);
            out.append("| ").append(t.outcome()).append(" | ").append(prose(t.type())).append(" | ").append(cellCode(t.id()))
                    .append(" | ").append(detail == null ? "" : prose(detail)).append(" |\n");
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
