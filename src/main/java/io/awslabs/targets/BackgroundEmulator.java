package io.awslabs.targets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.awslabs.text.Phrase;
import io.awslabs.text.Said;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An emulator (moto, or LocalStack as a host process) that keeps running between commands: a
 * launcher in a session of its own starts it on a free loopback port and stops it once no command
 * has touched its idle file for the idle limit (two hours by default), so it outlives the command
 * that started it, and a killed command, but never lingers. Its record (pid, port, when it
 * started) lives in a directory of the caller's choosing, next to the idle file and its log;
 * {@link #find} tells whether it still runs.
 *
 * <p>A LocalStack container would be removed with the JVM by Testcontainers' reaper, so the
 * background LocalStack is always the host process.
 */
public final class BackgroundEmulator {
    public static final Duration DEFAULT_IDLE_STOP = Duration.ofHours(2);
    /** On the launcher's command line, so a recycled pid is never taken for it. */
    static final String MARKER = "labs-background-emulator";
    private static final String RECORD = "emulator.json";
    private static final String IDLE = "idle";
    private static final String LOG = "emulator.log";
    private static final Duration MOTO_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LOCALSTACK_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(25);
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What the state directory says of the emulator: enough for another command to reach and stop it. */
    public record Record(String kind, String version, long pid, int port, String endpoint, Instant startedAt,
                         long idleStopSeconds, String log) {
        public TargetKind targetKind() {
            return TargetKind.parse(kind);
        }
    }

    private final Path dir;
    private final Record record;

    private BackgroundEmulator(Path dir, Record record) {
        this.dir = dir;
        this.record = record;
    }

    /** The background emulator recorded in {@code dir}, if it is still running; a stale record is removed. */
    public static Optional<BackgroundEmulator> find(Path dir) {
        Path file = dir.resolve(RECORD);
        Record record;
        try {
            record = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Record.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw EnvironmentException.of("backgroundUnreadable", file, e.getMessage());
        }
        if (launcher(record.pid()).isEmpty()) {
            deleteQuietly(file);
            return Optional.empty();
        }
        return Optional.of(new BackgroundEmulator(dir, record));
    }

    /** The running emulator of this kind, or a new one; one of another kind is stopped first. */
    public static BackgroundEmulator ensure(Path dir, TargetKind kind, Duration idleStop, Consumer<Said> progress,
                                            boolean verbose) {
        Optional<BackgroundEmulator> running = find(dir);
        if (running.isPresent() && running.get().record.targetKind() == kind) {
            running.get().touch();
            progress.accept(TargetWords.phrase("background.reusing", running.get().describe()));
            return running.get();
        }
        running.ifPresent(other -> {
            progress.accept(TargetWords.phrase("background.replacing", other.describe(), kind.id()));
            other.stop();
        });
        return start(dir, kind, idleStop, progress, verbose);
    }

    /** Starts one; the record is written before it answers, so even a command killed meanwhile leaves it findable. */
    public static BackgroundEmulator start(Path dir, TargetKind kind, Duration idleStop, Consumer<Said> progress,
                                           boolean verbose) {
        long t0 = System.nanoTime();
        Launch launch = switch (kind) {
            case MOTO -> moto(progress, verbose);
            case LOCALSTACK -> localStack(progress, verbose);
            default -> throw new IllegalArgumentException(kind.id() + " is not an emulator this tool starts");
        };
        Process launcher;
        try {
            Files.createDirectories(dir);
            Path idle = dir.resolve(IDLE);
            Files.writeString(idle, "");
            Path log = dir.resolve(LOG);
            List<String> command = new ArrayList<>(List.of(launch.python(), "-c", LocalStackHost.resource("background_launcher.py"),
                    MARKER, dir.resolve(RECORD).toString(), idle.toString(), String.valueOf(Math.max(1, idleStop.toSeconds())),
                    launch.stateDir() == null ? "-" : launch.stateDir().toString(), "--"));
            command.addAll(launch.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(launch.env());
            launcher = builder.start();
            Record record = new Record(kind.id(), launch.version(), launcher.pid(), launch.port(),
                    "http://127.0.0.1:" + launch.port(), Instant.now(), idleStop.toSeconds(), log.toString());
            writeAtomically(dir.resolve(RECORD), JSON.writeValueAsString(record));
            BackgroundEmulator started = new BackgroundEmulator(dir, record);
            started.awaitReady(launcher, kind == TargetKind.MOTO ? MOTO_START_TIMEOUT : LOCALSTACK_START_TIMEOUT);
            progress.accept(TargetWords.phrase("background.started", started.describe(),
                    (System.nanoTime() - t0) / 1_000_000, human(idleStop)));
            return started;
        } catch (IOException e) {
            throw EnvironmentException.of("backgroundCannotStart", kind.id(), e.getMessage(), dir);
        }
    }

    private record Launch(String python, List<String> command, Map<String, String> env, int port, Path stateDir,
                          String version) { }

    private static Launch moto(Consumer<Said> progress, boolean verbose) {
        PythonVenv venv = MotoServer.venv();
        venv.ensure(progress, verbose);
        int port = freePort();
        String python = venv.python().toString();
        return new Launch(python, List.of(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port)),
                MotoServer.SETTINGS, port, null, MotoServer.VERSION);
    }

    private static Launch localStack(Consumer<Said> progress, boolean verbose) {
        PythonVenv venv = LocalStackHost.venv();
        venv.ensure(progress, verbose);
        int port = freePort();
        Path root;
        try {
            root = Files.createTempDirectory("labs-localstack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new java.util.HashMap<>(LocalStack.SETTINGS);
        env.putAll(LocalStackHost.SETTINGS);
        env.put("GATEWAY_LISTEN", "127.0.0.1:" + port);
        env.put("LOCALSTACK_HOST", "127.0.0.1:" + port);
        env.put("FILESYSTEM_ROOT", root.toString());
        String python = venv.python().toString();
        return new Launch(python, List.of(python, "-m", "localstack.runtime.main"), env, port, root, LocalStack.VERSION);
    }

    private void awaitReady(Process launcher, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (EmulatorProbe.identify(endpoint()).isPresent()) {
                return;
            }
            if (!launcher.isAlive()) {
                throw EnvironmentException.of("backgroundExited", record.kind(), lastLine(), record.log());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                stop();
                Thread.currentThread().interrupt();
                throw EnvironmentException.interrupted("while.background", record.kind());
            }
        }
        stop();
        throw EnvironmentException.of("backgroundSlow", record.kind(), endpoint(), timeout.toSeconds(), lastLine(), record.log());
    }

    public Record record() {
        return record;
    }

    public URI endpoint() {
        return URI.create(record.endpoint());
    }

    /** "moto 5.2.5 on 127.0.0.1:40123 (pid 4242)". */
    public Phrase describe() {
        return TargetWords.phrase("background.describe", record.kind(), record.version(), record.port(), record.pid());
    }

    /** A target on it; closing the target leaves the emulator running. */
    public Target target(String region) {
        TargetKind kind = record.targetKind();
        EmulatorIdentity identity = kind == TargetKind.MOTO ? EmulatorIdentity.moto(record.version())
                : EmulatorProbe.identify(endpoint()).orElseThrow(() -> EnvironmentException.of("backgroundSilent", endpoint()));
        return new EmulatorTarget(kind, Optional.of(identity), endpoint(), region, 0, () -> { });
    }

    /** A command used it: the idle limit counts from now. */
    public void touch() {
        try {
            Files.setLastModifiedTime(dir.resolve(IDLE), FileTime.from(Instant.now()));
        } catch (IOException e) {
            // the launcher reads a missing idle file as "stop now"; nothing to keep alive then
        }
    }

    /** When a command last touched it. */
    public Instant lastUsed() {
        try {
            return Files.getLastModifiedTime(dir.resolve(IDLE)).toInstant();
        } catch (IOException e) {
            return record.startedAt();
        }
    }

    /** When it stops by itself unless a command comes first. */
    public Instant stopsAt() {
        return lastUsed().plusSeconds(record.idleStopSeconds());
    }

    /**
     * Asks the launcher to stop the emulator's whole process group and waits for it; what is still
     * alive after that is killed. Returns whether everything ended.
     */
    public boolean stop() {
        Optional<ProcessHandle> handle = launcher(record.pid());
        if (handle.isPresent()) {
            List<ProcessHandle> family = new ArrayList<>(handle.get().descendants().toList());
            family.add(handle.get());
            handle.get().destroy();
            try {
                handle.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.get().destroyForcibly();
            }
            family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (family.stream().anyMatch(ProcessHandle::isAlive)) {
                return false;
            }
        }
        deleteQuietly(dir.resolve(RECORD));
        deleteQuietly(dir.resolve(IDLE));
        return true;
    }

    /** The launcher behind a recorded pid: alive, and started with the marker (not a recycled pid). */
    static Optional<ProcessHandle> launcher(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(MARKER))
                        .orElseGet(() -> p.info().commandLine().map(c -> c.contains(MARKER)).orElse(false)));
    }

    private String lastLine() {
        try {
            List<String> lines = Files.readAllLines(Path.of(record.log())).stream().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String human(Duration d) {
        return d.toMinutes() >= 60 && d.toMinutesPart() == 0 ? d.toHours() + " h"
                : d.toSeconds() >= 60 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw EnvironmentException.of("noFreePort", e.getMessage());
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover record whose process is gone is treated as absent anyway
        }
    }
}
