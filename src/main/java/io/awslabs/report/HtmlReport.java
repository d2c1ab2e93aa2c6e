package io.awslabs.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page, readable offline and safe to mail around: no
 * script, no external font, image or stylesheet, and a Content-Security-Policy that forbids
 * loading anything at all (the one inline stylesheet is allowed by its hash). Evidence sits in
 * collapsible sections; failures and errors are open.
 */
public final class HtmlReport {
    private static final String CSS = """
            :root{--pass:#1a7f37;--fail:#cf222e;--skip:#9a6700;--error:#8250df;--fg:#1f2328;--muted:#59636e;\
            --line:#d1d9e0;--bg:#ffffff;--soft:#f6f8fa;--track:#e8ebef;--on:#ffffff}
            @media (prefers-color-scheme:dark){:root{--pass:#3fb950;--fail:#f85149;--skip:#d29922;--error:#a371f7;\
            --fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--bg:#0d1117;--soft:#151b23;--track:#262c36;--on:#0d1117}}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
            color:var(--fg);background:var(--bg)}
            main{max-width:1100px;margin:0 auto;padding:24px 20px 48px}
            h1{font-size:1.7em;margin:0 0 4px}
            h2{font-size:1.3em;margin:0 0 4px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
            h3{font-size:1.05em;margin:22px 0 6px}
            p{margin:6px 0}
            a{color:inherit}
            .muted{color:var(--muted)}
            .banner{padding:14px 18px;border-radius:8px;color:var(--on);margin:18px 0}
            .banner strong{font-size:1.25em;margin-right:8px}
            .banner.PROVEN{background:var(--pass)}
            .banner.PARTIAL{background:var(--skip)}
            .banner.NOT_PROVEN{background:var(--fail)}
            .banner.TEARDOWN_INCOMPLETE{background:var(--error)}
            .counts{display:flex;gap:10px;flex-wrap:wrap;margin:0 0 8px}
            .count{border:1px solid var(--line);border-radius:8px;padding:6px 14px;min-width:104px;background:var(--soft)}
            .count b{display:block;font-size:1.5em;line-height:1.2}
            .count.bad{border-color:var(--fail)}
            .count.bad b{color:var(--fail)}
            .badge{display:inline-block;min-width:5.2em;text-align:center;padding:1px 8px;border-radius:999px;\
            font-size:.78em;font-weight:700;letter-spacing:.03em;color:var(--on);vertical-align:1px}
            .badge.PASS,.badge.DELETED,.badge.ALREADY_GONE,.badge.SCHEDULED{background:var(--pass)}
            .local{font-size:.8em;border:1px solid currentColor;border-radius:999px;padding:0 6px;margin-right:6px}
            .badge.FAIL,.badge.FAILED{background:var(--fail)}
            .badge.SKIPPED,.badge.KEPT,.badge.PARTIAL{background:var(--skip)}
            .badge.ERROR{background:var(--error)}
            table{border-collapse:collapse;width:100%;margin:6px 0 10px}
            th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
            th{font-size:.82em;color:var(--muted);font-weight:600}
            td.num,th.num{text-align:right;white-space:nowrap}
            code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.86em;\
            overflow-wrap:anywhere}
            section.lab{border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:26px 0}
            .lab-meta{margin:2px 0 10px}
            .concept{border-left:4px solid var(--line);padding:2px 12px;margin:10px 0}
            details.fold{border:1px solid var(--line);border-radius:8px;margin:8px 0;background:var(--bg)}
            details.fold>summary{list-style:none;cursor:pointer;padding:8px 12px;display:grid;\
            grid-template-columns:.8em 6em 1fr auto;gap:4px 10px;align-items:baseline}
            details.fold>summary::-webkit-details-marker{display:none}
            details.fold>summary::before{content:"\\25B8";color:var(--muted)}
            details.fold[open]>summary::before{content:"\\25BE"}
            details.fold[open]>summary{border-bottom:1px solid var(--line);background:var(--soft)}
            .statement{grid-column:3/5}
            .why{grid-column:3/5;color:var(--muted)}
            .body{padding:8px 14px 12px}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:4px 0 10px}
            dt{color:var(--muted)}
            dd{margin:0}
            td.bar{width:45%;padding-top:10px}
            td.bar svg{display:block;width:100%;height:12px}
            rect.track{fill:var(--track)}
            rect.ok{fill:var(--pass)}
            rect.failed{fill:var(--fail)}
            footer{margin-top:32px;font-size:.85em}
            @media print{details.fold>summary{background:none}section.lab{break-inside:avoid-page}}
            """;
    private static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; base-uri 'none'; form-action 'none'";

    private final StringBuilder out = new StringBuilder(32 * 1024);
    private final Lang lang;
    private final Messages say;

    private HtmlReport(Lang lang) {
        this.lang = lang;
        this.say = ReportText.words(lang);
    }

    public static String render(RunReport report) {
        return render(report, Lang.EN);
    }

    /** The page with its headings and the report's texts in {@code lang}; a text not translated reads in English. */
    public static String render(RunReport report, Lang lang) {
        return new HtmlReport(lang).page(RedactedReport.of(report));
    }

    /** The policy the page carries; exposed so tests can hold a browser to it. */
    public static String contentSecurityPolicy() {
        return CSP;
    }

    private String page(RunReport r) {
        Verdict.Outcome outcome = Verdict.of(r).outcome();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(say.get("html.lang")).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(esc(CSP)).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta name=\"generator\" content=\"aws-labs ").append(esc(r.toolVersion())).append("\">\n")
                .append("<title>").append(esc(say.get("html.title", r.runId(), outcome.headline(lang))))
                .append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(r, outcome, ProvenHere.of(r, FidelityMatrix.bundled()));
        labIndex(r);
        timings(r);
        r.labs().forEach(this::lab);
        out.append("<footer class=\"muted\">").append(html("html.footer", esc(r.toolVersion()),
                        "<code>" + esc(r.runId()) + ".json</code>", esc(r.schema()), String.valueOf(r.schemaVersion()),
                        "<code>labs report check " + esc(r.runId()) + ".json</code>"))
                .append("</footer>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header(RunReport r, Verdict.Outcome outcome, ProvenHere proven) {
        out.append("<header id=\"summary\">\n<h1>").append(html("html.heading", "<code>" + esc(r.runId()) + "</code>"))
                .append("</h1>\n<p class=\"muted\">").append(esc(ReportText.target(r.target(), lang))).append(" &middot; ")
                .append(esc(say.get("html.started", ReportText.instant(r.startedAt())))).append(" &middot; ")
                .append(esc(say.get("html.took",
                        ReportText.duration(Duration.between(r.startedAt(), r.finishedAt()).toMillis()))))
                .append(" &middot; aws-labs ").append(esc(r.toolVersion())).append("</p>\n")
                .append("<div id=\"verdict\" class=\"banner ").append(outcome.name()).append("\"><strong>")
                .append(esc(outcome.headline(lang))).append("</strong>").append(esc(outcome.meaning(lang))).append("</div>\n")
                .append("<p id=\"proven\">").append(esc(say.get("sentence", proven.sentence(lang)))).append("</p>\n");
        if (r.wasInterrupted()) {
            String what = say.get("doc.interrupted");
            if (!r.interrupted().labsNotRun().isEmpty()) {
                what = say.get("doc.neverRan", what, ReportText.list(r.interrupted().labsNotRun(), lang));
            }
            out.append("<p id=\"interrupted\"><strong>").append(esc(say.get("html.interrupted"))).append("</strong> ")
                    .append(esc(say.get("sentence", what))).append("</p>\n");
        }
        RunReport.Totals t = r.totals();
        out.append("<div class=\"counts\">\n");
        count(say.get("html.count.labs"), t.labs(), false);
        count(say.get("html.count.passed"), t.pass(), false);
        if (t.localPass() > 0) {
            count(say.get("html.count.local"), t.localPass(), false);
        }
        count(say.get("html.count.failed"), t.fail(), true);
        count(say.get("html.count.skipped"), t.skipped(), false);
        count(say.get("html.count.errors"), t.error(), true);
        count(say.get("html.count.teardownFailed"), t.teardownFailed(), true);
        count(say.get("html.count.kept"), t.kept(), true);
        out.append("</div>\n</header>\n");
    }

    private void count(String label, int n, boolean badWhenAny) {
        out.append(badWhenAny && n > 0 ? "<div class=\"count bad\"><b>" : "<div class=\"count\"><b>").append(n).append("</b>").append(esc(label)).append("</div>\n");
    }

    private void labIndex(RunReport r) {
        out.append("<h3>").append(esc(say.get("html.labs"))).append("</h3>\n<table>\n<tr>").append(th("html.col.status"))
                .append(th("html.col.lab")).append(thNum("html.col.passed")).append(thNum("html.col.failed"))
                .append(thNum("html.col.skipped")).append(thNum("html.col.errors")).append(thNum("html.col.duration"))
                .append("</tr>\n");
        for (LabReport lab : r.labs()) {
            out.append("<tr><td>").append(badge(LabBadge.of(lab).name())).append("</td><td><a href=\"#lab-")
                    .append(esc(lab.lab().id())).append("\">").append(esc(lab.lab().title(lang))).append("</a> <code>")
                    .append(esc(lab.lab().id())).append("</code></td>");
            for (Status s : Status.values()) {
                long n = lab.assertions().stream().filter(a -> a.status() == s).count();
                out.append("<td class=\"num\">").append(n).append("</td>");
            }
            out.append("<td class=\"num\">").append(esc(ReportText.duration(lab.durationMs()))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void timings(RunReport r) {
        RunReport.Timings t = r.timings();
        out.append("<details class=\"fold\"><summary><span>").append(esc(say.get("html.timings")))
                .append("</span><span class=\"statement muted\">")
                .append(esc(say.get("html.timings.summary", ReportText.duration(t.totalMs()))))
                .append("</span></summary>\n<div class=\"body\"><dl>\n");
        term(say.get("html.timings.jvm"), ReportText.duration(t.jvmStartMs()));
        term(say.get("html.timings.emulator"), ReportText.duration(t.emulatorStartMs()));
        term(say.get("html.timings.api"), say.get("html.timings.apiCalls", ReportText.duration(t.apiMs()), t.apiCalls()));
        term(say.get("html.timings.waits"), ReportText.duration(t.waitMs()));
        term(say.get("html.timings.total"), ReportText.duration(t.totalMs()));
        out.append("</dl></div></details>\n");
    }

    private void lab(LabReport lab) {
        LabReport.LabSummary s = lab.lab();
        out.append("<section class=\"lab\" id=\"lab-").append(esc(s.id())).append("\">\n<h2>")
                .append(badge(LabBadge.of(lab).name())).append("<span>").append(esc(s.title(lang))).append("</span> <code>")
                .append(esc(s.id())).append("</code></h2>\n<p class=\"lab-meta muted\">")
                .append(esc(String.join(", ", s.services()))).append(" &middot; ")
                .append(esc(ReportText.duration(lab.durationMs()))).append(" &middot; ")
                .append(esc(say.get("doc.perRun", String.format(Locale.ROOT, "%.2f", s.costPerRunUsd())))).append("</p>\n");
        if (lab.skipReason() != null) {
            out.append("<p><strong>").append(esc(say.get("doc.notRun"))).append("</strong> ").append(esc(lab.skipReason(lang)))
                    .append("</p>\n");
        }
        String concept = s.concept(lang);
        if (concept != null && !concept.isBlank()) {
            out.append("<p class=\"concept\">").append(esc(concept)).append("</p>\n");
        }
        String examAngle = s.examAngle(lang);
        if (examAngle != null && !examAngle.isBlank()) {
            out.append("<p><strong>").append(esc(say.get("doc.examAngle"))).append("</strong> ").append(esc(examAngle))
                    .append("</p>\n");
        }
        out.append("<h3>").append(esc(say.get("html.assertions"))).append("</h3>\n");
        lab.assertions().forEach(a -> assertion(s.id(), a));
        steps(lab);
        teardown(lab);
        if (!lab.notes().isEmpty()) {
            out.append("<h3>").append(esc(say.get("doc.notes"))).append("</h3>\n<ul>\n");
            lab.notes(lang).forEach(n -> out.append("<li>").append(esc(n)).append("</li>\n"));
            out.append("</ul>\n");
        }
        out.append("</section>\n");
    }

    private void assertion(String labId, AssertionRecord a) {
        out.append("<details class=\"fold\" id=\"lab-").append(esc(labId)).append('-').append(esc(a.id())).append('"')
                .append(a.status().isBad() ? " open" : "").append("><summary>")
                .append(badge(a.status().name()))
                .append(a.localProof() ? "<span class=\"local\" title=\"" + esc(say.get("html.localTitle")) + "\">"
                        + esc(say.get("localProof")) + "</span>" : "")
                .append("<code>").append(esc(a.id())).append("</code>")
                .append("<span class=\"muted\">").append(esc(ReportText.duration(a.durationMs()))).append("</span>")
                .append("<span class=\"statement\">").append(esc(a.statement(lang))).append("</span>");
        if (a.reason() != null) {
            out.append("<span class=\"why\">").append(esc(a.reason(lang))).append("</span>");
        }
        out.append("</summary>\n<div class=\"body\">\n<dl>\n");
        if (a.expected() != null) term(say.get("html.expected"), a.expected());
        if (a.actual() != null) term(say.get("html.actual"), a.actual());
        if (a.note() != null) term(say.get("html.note"), a.note(lang));
        out.append("</dl>\n");
        if (!a.checks().isEmpty()) {
            out.append("<table>\n<tr>").append(th("html.col.check")).append(th("html.col.expected"))
                    .append(th("html.col.actual")).append(th("html.col.held")).append("</tr>\n");
            for (AssertionRecord.Check c : a.checks()) {
                out.append("<tr><td>").append(esc(c.what())).append("</td><td><code>").append(esc(c.expected()))
                        .append("</code></td><td><code>").append(esc(c.actual())).append("</code></td><td>")
                        .append(c.held() ? esc(say.get("html.yes")) : "<strong>" + esc(say.get("html.no")) + "</strong>").append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        if (!a.evidence().isEmpty()) {
            out.append("<table>\n<tr>").append(th("html.col.evidence")).append(th("html.col.value")).append("</tr>\n");
            for (Map.Entry<String, String> e : a.evidence().entrySet()) {
                out.append("<tr><td><code>").append(esc(e.getKey())).append("</code></td><td><code>")
                        .append(esc(e.getValue())).append("</code></td></tr>\n");
            }
            out.append("</table>\n");
        }
        if (a.checks().isEmpty() && a.evidence().isEmpty()) {
            out.append("<p class=\"muted\">").append(esc(say.get("html.noEvidence"))).append("</p>\n");
        }
        out.append("</div>\n</details>\n");
    }

    /** A timeline: one bar per step, placed by its start and length within the lab's run. */
    private void steps(LabReport lab) {
        out.append("<h3>").append(esc(say.get("html.steps"))).append("</h3>\n");
        List<StepRecord> steps = lab.steps().stream()
                .sorted(java.util.Comparator.comparing(StepRecord::startedAt)).toList();
        if (steps.isEmpty()) {
            out.append("<p class=\"muted\">").append(esc(say.get("html.noSteps"))).append("</p>\n");
            return;
        }
        Instant origin = lab.startedAt();
        long span = Math.max(1, lab.durationMs());
        for (StepRecord st : steps) {
            span = Math.max(span, offsetMillis(origin, st.startedAt()) + st.durationMs());
        }
        out.append("<table class=\"timeline\">\n<tr>").append(th("html.col.step")).append(th("html.col.timeline"))
                .append(thNum("html.col.start")).append(thNum("html.col.duration")).append(th("html.col.outcome"))
                .append("</tr>\n");
        for (StepRecord st : steps) {
            double x = 1000.0 * offsetMillis(origin, st.startedAt()) / span;
            double w = Math.max(4, 1000.0 * st.durationMs() / span);
            String label = say.get("html.stepLabel", st.name(say.lang()), ReportText.offset(origin, st.startedAt()),
                    ReportText.duration(st.durationMs()));
            out.append("<tr><td>").append(esc(st.name(say.lang()))).append("</td><td class=\"bar\">")
                    .append("<svg viewBox=\"0 0 1000 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"")
                    .append(esc(label)).append("\"><title>").append(esc(label)).append("</title>")
                    .append("<rect class=\"track\" width=\"1000\" height=\"12\"/><rect class=\"")
                    .append(ReportText.STEP_OK.equals(st.outcome()) ? "ok" : "failed").append("\" x=\"")
                    .append(String.format(Locale.ROOT, "%.1f", Math.min(x, 1000 - w))).append("\" width=\"")
                    .append(String.format(Locale.ROOT, "%.1f", w)).append("\" height=\"12\"/></svg></td>")
                    .append("<td class=\"num\">").append(esc(ReportText.offset(origin, st.startedAt()))).append("</td>")
                    .append("<td class=\"num\">").append(esc(ReportText.duration(st.durationMs()))).append("</td><td>")
                    .append(esc(ReportText.stepOutcome(st.outcome(), say.lang()))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void teardown(LabReport lab) {
        out.append("<h3>").append(esc(say.get("html.teardown"))).append("</h3>\n");
        if (lab.teardown().isEmpty()) {
            out.append("<p class=\"muted\">").append(esc(say.get("html.nothingToTearDown"))).append("</p>\n");
            return;
        }
        out.append("<table>\n<tr>").append(th("html.col.outcome")).append(th("html.col.resource")).append(th("html.col.id"))
                .append(thNum("html.col.duration")).append(th("html.col.message")).append("</tr>\n");
        for (TeardownRecord t : lab.teardown()) {
            out.append("<tr><td>").append(badge(t.outcome().name())).append("</td><td>").append(esc(t.type()))
                    .append("</td><td><code>").append(esc(t.id())).append("</code></td><td class=\"num\">")
                    .append(esc(ReportText.duration(t.durationMs()))).append("</td><td>")
                    .append(esc(ReportText.teardownDetail(t, lang))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private void term(String name, String value) {
        out.append("<dt>").append(esc(name)).append("</dt><dd><code>").append(esc(value)).append("</code></dd>\n");
    }

    private String th(String key) {
        return "<th>" + esc(say.get(key)) + "</th>";
    }

    private String thNum(String key) {
        return "<th class=\"num\">" + esc(say.get(key)) + "</th>";
    }

    /** A message whose own words are escaped, with arguments that are HTML already. */
    private String html(String key, String... markup) {
        String text = esc(say.get(key));
        for (int i = 0; i < markup.length; i++) {
            text = text.replace("{" + i + "}", markup[i]);
        }
        return text;
    }

    private static String badge(String status) {
        return "<span class=\"badge " + status + "\">" + status.replace('_', ' ') + "</span>";
    }

    private static long offsetMillis(Instant origin, Instant at) {
        return Math.max(0, Duration.between(origin, at).toMillis());
    }

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
