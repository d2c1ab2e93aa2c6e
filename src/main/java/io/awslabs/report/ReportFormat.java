package io.awslabs.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The formats a run report is written in; JSON is the source of truth, the others are drawn from it. */
public enum ReportFormat {
    JSON("json", ".json", ReportJson::render),
    HTML("html", ".html", HtmlReport::render),
    JUNIT("junit", ".junit.xml", JunitXmlReport::render),
    MARKDOWN("md", ".md", MarkdownReport::render);

    private final String id;
    private final String extension;
    private final Function<RunReport, String> renderer;

    ReportFormat(String id, String extension, Function<RunReport, String> renderer) {
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

    /** The whole document, redacted. */
    public String render(RunReport report) {
        return renderer.apply(report);
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
