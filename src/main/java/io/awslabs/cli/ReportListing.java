package io.awslabs.cli;

import io.awslabs.report.ReportChecker;
import io.awslabs.report.RunReport;
import io.awslabs.targets.EnvironmentException;
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

    static void print(List<Entry> entries, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"RUN", "TARGET", "FINISHED", "VERDICT", "LABS", "FILE"});
        for (Entry e : entries) {
            if (e.valid()) {
                RunReport r = e.result().report();
                String target = r.target().kind() + (r.target().emulator() != null ? " (" + r.target().emulator() + ")" : "");
                String verdict = e.result().verdict().outcome().headline() + (r.wasInterrupted() ? " (interrupted)" : "");
                rows.add(new String[] {r.runId(), target, WHEN.format(e.when()), verdict, String.valueOf(r.labs().size()),
                        e.file().toString()});
            } else {
                rows.add(new String[] {"-", "-", WHEN.format(e.when()), "not a valid report", "-", e.file().toString()});
            }
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c < row.length - 1 ? String.format("%-" + widths[c] + "s  ", row[c]) : row[c]);
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
