package io.awslabs.report;

import io.awslabs.text.Lang;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The formats a run report is written in; JSON is the source of truth, the others are drawn from it.
 * HTML and Markdown are for people and are written in a language; JSON carries every language
 * already, and JUnit XML is read by CI systems, whose test names and messages stay English.
 */
public enum ReportFormat {
    JSON("json", ".json", (report, lang) -> ReportJson.render(report)),
    HTML("html", ".html", HtmlReport::render),
    JUNIT("junit", ".junit.xml", (report, lang) -> JunitXmlReport.render(report)),
    MARKDOWN("md", ".md", MarkdownReport::render);

    private final String id;
    private final String extension;
    private final BiFunction<RunReport, Lang, String> renderer;

    ReportFormat(String id, String extension, BiFunction<RunReport, Lang, String> renderer) {
        this.id = id;
        this.extension = extension;
        this.renderer = renderer;
    }

    /** The name used on the command line: json, html, junit, md. */
    public String id() {
        return id;
    }

    /** The file a run's report takes in this format: {@code <run-id><extension>}. */
    public String fileName(String runId) {
        return runId + extension;
    }

    /** The whole document, redacted, in English. */
    public String render(RunReport report) {
        return render(report, Lang.EN);
    }

    /** The whole document, redacted; HTML and Markdown in {@code lang}. */
    public String render(RunReport report, Lang lang) {
        return renderer.apply(report, lang);
    }

    public static ReportFormat parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report format '" + text.trim()
                        + "'; choose from " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }
}
