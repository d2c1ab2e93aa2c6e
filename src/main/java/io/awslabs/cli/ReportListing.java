package io.awslabs.cli;

import io.awslabs.report.ReportChecker;
import io.awslabs.report.RunReport;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.text.Columns;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The run reports in a directory, newest first, each judged: what {@code labs report list} shows. */
final class ReportListing {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** {@code result} is invalid for a file that is not a report; {@code when} is then the file's modification time. */
    record Entry(Path file, Instant when, ReportChecker.Result result) {
        boolean valid() {
            return result.valid();
        }
    }

    private ReportListing() { }

    static List<Entry> of(Path dir) {
        ReportChecker checker = new ReportChecker();
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f))
                    .toList()) {
                ReportChecker.Result result = checker.check(file);
                entries.add(new Entry(file, result.valid() ? result.report().finishedAt() : modified(file), result));
            }
        } catch (IOException e) {
            throw EnvironmentException.of("reportsUnlistable", dir, e.getMessage()).because(e);
        }
        entries.sort(Comparator.comparing(Entry::when).reversed().thenComparing(Entry::file));
        return entries;
    }

    static void print(List<Entry> entries, PrintWriter out, Lang lang) {
        Messages say = Messages.of(ReportListing.class, lang);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {say.get("reports.run"), say.get("reports.target"), say.get("reports.finished"), say.get("reports.verdict"),
                say.get("reports.labs"), say.get("reports.file")});
        for (Entry e : entries) {
            if (e.valid()) {
                RunReport r = e.result().report();
                String target = r.target().emulator() != null
                        ? say.get("reports.targetEmulator", r.target().kind(), r.target().emulator()) : r.target().kind();
                String verdict = e.result().verdict().outcome().headline(lang);
                rows.add(new String[] {r.runId(), target, WHEN.format(e.when()),
                        r.wasInterrupted() ? say.get("reports.interrupted", verdict) : verdict, String.valueOf(r.labs().size()),
                        e.file().toString()});
            } else {
                rows.add(new String[] {"-", "-", WHEN.format(e.when()), say.get("reports.invalid"), "-", e.file().toString()});
            }
        }
        // columns are counted as a terminal shows them: a Chinese character takes two
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], Columns.of(row[c]));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c < row.length - 1 ? Columns.pad(row[c], widths[c]) + "  " : row[c]);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static Instant modified(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return time.toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
