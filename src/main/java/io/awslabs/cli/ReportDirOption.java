package io.awslabs.cli;

import io.awslabs.targets.EnvironmentException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --report-dir}: where {@code run} writes its reports and {@code report show/list} finds them. */
final class ReportDirOption {
    @Option(names = "--report-dir", defaultValue = "reports", paramLabel = "DIR",
            description = "Where the report files are written and found (default: ${DEFAULT-VALUE}).")
    Path dir;

    /**
     * The directory, created if missing and proven writable, before a lab creates anything: a
     * report that cannot be written after every lab has run loses the run. A file in its place
     * is a usage error (2); a directory that cannot be written is the environment's (3).
     */
    Path requireWritable() {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(new ErrorText("reportDirIsFile", dir));
        }
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".labs-write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw EnvironmentException.of("reportDirUnwritable", dir, reason(e));
        }
        return dir;
    }

    /** An existing directory to read reports from. */
    Path requireReadable() {
        if (!Files.isDirectory(dir)) {
            throw new UsageException(new ErrorText(Files.exists(dir) ? "reportDirNotDir" : "reportDirMissing", dir));
        }
        return dir;
    }

    private static Object reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return EnvironmentException.phrase("permissionDenied");
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return EnvironmentException.phrase("fileInTheWay", ((FileSystemException) e).getFile());
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
