package io.awslabs.challenge;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.awslabs.targets.EnvironmentException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the active challenge lives between commands: {@code <state dir>/challenge/active.json},
 * written atomically, next to the work directory where the learner writes the files a challenge
 * asks for. Commands that change it hold a lock, so two of them never interleave.
 */
public final class ChallengeStore {
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String ACTIVE = "active.json";

    private final Path dir;

    /** {@code stateRoot}: the tool's state directory; the challenge keeps to its {@code challenge} folder. */
    public ChallengeStore(Path stateRoot) {
        this.dir = stateRoot.resolve("challenge");
    }

    public Optional<ChallengeState> active() {
        Path file = dir.resolve(ACTIVE);
        try {
            ChallengeState state = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), ChallengeState.class);
            if (state.version() != ChallengeState.VERSION) {
                throw EnvironmentException.of("challengeOtherVersion", file);
            }
            return Optional.of(state);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw EnvironmentException.of("challengeUnreadable", file, e.getMessage()).because(e);
        }
    }

    public void save(ChallengeState state) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ACTIVE + ".", ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(state), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(ACTIVE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw EnvironmentException.of("challengeUnwritable", dir, e.getMessage()).because(e);
        }
    }

    /** Ends the challenge: its record and its work directory go. */
    public void clear() {
        try {
            Files.deleteIfExists(dir.resolve(ACTIVE));
            deleteRecursively(workDir());
        } catch (IOException e) {
            throw EnvironmentException.of("challengeUndeletable", dir, e.getMessage(), dir.resolve(ACTIVE)).because(e);
        }
    }

    /** Where the learner writes the files a challenge asks for; empty at each start. */
    public Path workDir() {
        return dir.resolve("work");
    }

    /** A fresh, empty work directory for a new challenge. */
    public Path freshWorkDir() {
        try {
            deleteRecursively(workDir());
            return Files.createDirectories(workDir());
        } catch (IOException e) {
            throw EnvironmentException.of("stateUnwritable", workDir(), e.getMessage()).because(e);
        }
    }

    /** Held while a command changes the challenge; released when the process ends, however it ends. */
    public Lock lock() {
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw EnvironmentException.of("challengeBusy");
            }
            return new Lock(channel, lock);
        } catch (IOException e) {
            throw EnvironmentException.of("stateUnlockable", dir, e.getMessage()).because(e);
        }
    }

    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the lock goes with the process anyway
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
