package io.awslabs.challenge;

import io.awslabs.targets.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The learner's progress: per lab, the best check of its challenge, the latest one, and how many
 * checks were made, in {@code <state dir>/progress.json}. Best means the most checks passed (or
 * skipped with a reason), then done without the reference solution, then with fewer hints, then
 * faster.
 */
public final class ProgressBook {
    public static final String SCHEMA = "aws-labs/progress";
    public static final int VERSION = 1;
    private static final Comparator<Attempt> BETTER_FIRST = Comparator
            .comparingInt((Attempt a) -> -(a.passed() + a.skipped()))
            .thenComparing(Attempt::solutionApplied)
            .thenComparingInt(Attempt::hintsUsed)
            .thenComparingLong(Attempt::timeTakenMs);

    /** One check of a challenge. */
    public record Attempt(String runId, String target, Instant checkedAt, int passed, int skipped, int total,
                          int hintsUsed, long timeTakenMs, boolean solutionApplied) {
        public boolean complete() {
            return passed + skipped == total;
        }
    }

    /** A lab's record: its best check, its latest, and how many checks were made. */
    public record LabProgress(Attempt best, Attempt latest, int checks) { }

    /** The file's content. */
    public record Book(String schema, int version, Map<String, LabProgress> labs) { }

    private final Path file;

    public ProgressBook(Path stateRoot) {
        this.file = stateRoot.resolve("progress.json");
    }

    public Path file() {
        return file;
    }

    public Map<String, LabProgress> labs() {
        return read().labs();
    }

    public Optional<LabProgress> of(String labId) {
        return Optional.ofNullable(labs().get(labId));
    }

    /** Records a check; returns the lab's record with it. */
    public LabProgress record(String labId, Attempt attempt) {
        Map<String, LabProgress> labs = new TreeMap<>(read().labs());
        LabProgress before = labs.get(labId);
        LabProgress after = before == null ? new LabProgress(attempt, attempt, 1)
                : new LabProgress(BETTER_FIRST.compare(attempt, before.best()) < 0 ? attempt : before.best(), attempt,
                        before.checks() + 1);
        labs.put(labId, after);
        write(new Book(SCHEMA, VERSION, labs));
        return after;
    }

    /** Forgets everything; returns whether there was anything to forget. */
    public boolean reset() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw EnvironmentException.of("progressUndeletable", file, e.getMessage()).because(e);
        }
    }

    private Book read() {
        try {
            Book book = ChallengeStore.JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Book.class);
            if (!SCHEMA.equals(book.schema()) || book.version() != VERSION || book.labs() == null) {
                throw EnvironmentException.of("progressOtherVersion", file);
            }
            return book;
        } catch (NoSuchFileException e) {
            return new Book(SCHEMA, VERSION, Map.of());
        } catch (IOException e) {
            throw EnvironmentException.of("progressUnreadable", file, e.getMessage()).because(e);
        }
    }

    private void write(Book book) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "progress.json.", ".tmp");
            Files.writeString(tmp, ChallengeStore.JSON.writeValueAsString(book), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw EnvironmentException.of("progressUnwritable", file, e.getMessage()).because(e);
        }
    }
}
