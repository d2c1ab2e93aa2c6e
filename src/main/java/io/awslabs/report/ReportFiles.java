package io.awslabs.report;

import io.awslabs.text.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Writes a run's report files side by side: {@code <run-id>.json} always, the other formats on request. */
public final class ReportFiles {
    private ReportFiles() { }

    /** Every file written, JSON first, in {@link ReportFormat} order; HTML and Markdown in English. */
    public static Map<ReportFormat, Path> write(RunReport report, Path dir, Set<ReportFormat> formats) throws IOException {
        return write(report, dir, formats, Lang.EN);
    }

    /** Every file written, JSON first, in {@link ReportFormat} order; HTML and Markdown in {@code lang}. */
    public static Map<ReportFormat, Path> write(RunReport report, Path dir, Set<ReportFormat> formats, Lang lang)
            throws IOException {
        Set<ReportFormat> wanted = EnumSet.of(ReportFormat.JSON);
        wanted.addAll(formats);
        Map<ReportFormat, Path> written = new LinkedHashMap<>();
        for (ReportFormat format : wanted) {
            written.put(format, writeAtomically(dir, format.fileName(report.runId()), format.render(report, lang)));
        }
        return written;
    }

    /**
     * A reader (a browser, a CI job, 'labs report check') never sees half a file. Each write
     * has its own temporary file: on Ctrl-C the exit hook and the main thread may write the
     * same run's report at once.
     */
    static Path writeAtomically(Path dir, String name, String content) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Path tmp = Files.createTempFile(dir, name + ".", ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
