package io.awslabs.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code labs} launcher decides whether to rebuild and which Java to use without starting a
 * JVM for either, shows a first build's progress as it happens, lets one of two concurrent
 * commands build while the other waits, and writes the class-data archive without holding the
 * user. Driven against a copy of the real script with a stand-in Maven and JDK.
 */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void aMissingJarIsBuiltOnceAndLaterCommandsOnlyRunIt() throws Exception {
        FakeProject project = FakeProject.in(dir);

        FakeProject.Result first = project.run("--version");
        FakeProject.Result second = project.run("list");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("labs: building target/aws-labs.jar", "BUILD SUCCESS");
        assertThat(second.code()).isZero();
        assertThat(second.err()).doesNotContain("building");
        assertThat(project.builds()).as("Maven calls").isEqualTo(1);
        assertThat(project.javaCalls()).as("every JVM start runs the jar; none asks for the Java version")
                .hasSize(2).allMatch(call -> call.contains("-jar " + project.path("target/aws-labs.jar")))
                .noneMatch(call -> call.contains("-XshowSettings"));
        assertThat(project.javaCalls().get(1)).endsWith("-jar " + project.path("target/aws-labs.jar") + " list");
    }

    /** Each way the build's inputs can change; each must make the next command rebuild. */
    enum Edit {
        SOURCE_CHANGED(p -> Files.writeString(p.path("src/main/java/io/awslabs/Example.java"), "class Example { int x; }\n")),
        SOURCE_ADDED(p -> p.write("src/main/java/io/awslabs/Added.java", "class Added { }\n")),
        DIRECTORY_ADDED(p -> p.write("src/main/java/io/awslabs/more/Deeper.java", "class Deeper { }\n")),
        SOURCE_DELETED(p -> Files.delete(p.path("src/main/resources/example.txt"))),
        SOURCE_RENAMED(p -> Files.move(p.path("src/main/resources/example.txt"), p.path("src/main/resources/renamed.txt"))),
        SAME_SIZE_WITH_ITS_OLD_MTIME_PUT_BACK(p -> {
            Path source = p.path("src/main/java/io/awslabs/Example.java");
            FileTime before = Files.getLastModifiedTime(source);
            Files.writeString(source, "class Exampel { }\n");
            Files.setLastModifiedTime(source, before);
        }),
        MTIME_MOVED_BACKWARDS(p -> Files.setLastModifiedTime(p.path("src/main/java/io/awslabs/Example.java"),
                FileTime.from(Instant.parse("2001-01-01T00:00:00Z")))),
        POM_CHANGED(p -> p.write("pom.xml", "<project><!-- another dependency --></project>\n")),
        HOST_REQUIREMENTS_CHANGED(p -> p.write("localstack/requirements-host.txt", "localstack-core==4.14.1\n"));

        final ProjectChange change;

        Edit(ProjectChange change) {
            this.change = change;
        }
    }

    interface ProjectChange {
        void apply(FakeProject project) throws IOException;
    }

    @ParameterizedTest
    @EnumSource(Edit.class)
    void anyChangeToTheBuildInputsRebuildsTheJar(Edit edit) throws Exception {
        FakeProject project = FakeProject.in(dir);
        project.run("--version");
        project.run("--version");
        assertThat(project.builds()).as("builds before the edit").isEqualTo(1);

        edit.change.apply(project);
        FakeProject.Result afterEdit = project.run("--version");
        project.run("--version");

        assertThat(afterEdit.err()).contains("labs: building target/aws-labs.jar");
        assertThat(project.builds()).as("builds: one for the edit, none after it").isEqualTo(2);
    }

    @Test
    void aJarThatMavenWroteAfterTheLastEditIsUsedAsItIs() throws Exception {
        FakeProject project = FakeProject.in(dir);
        project.run("--version");
        Files.writeString(project.path("src/main/java/io/awslabs/Example.java"), "class Example { int y; }\n");
        Files.writeString(project.path("target/aws-labs.jar"), "jar from ./mvnw package\n");

        FakeProject.Result result = project.run("--version");

        assertThat(result.err()).doesNotContain("building");
        assertThat(project.builds()).isEqualTo(1);
    }

    @Test
    void withoutAStampAJarOlderThanASourceIsRebuiltAndANewerOneIsUsed() throws Exception {
        FakeProject older = FakeProject.in(Files.createDirectory(dir.resolve("older")));
        older.write("target/aws-labs.jar", "jar\n");
        Files.setLastModifiedTime(older.path("target/aws-labs.jar"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        FakeProject newer = FakeProject.in(Files.createDirectory(dir.resolve("newer")));
        newer.write("target/aws-labs.jar", "jar\n");

        older.run("--version");
        newer.run("--version");
        newer.run("--version");

        assertThat(older.builds()).as("builds of the older jar").isEqualTo(1);
        assertThat(newer.builds()).as("builds of the newer jar").isZero();
    }

    @Test
    void aFailedBuildExitsWithThreeShowingItsLastLinesAndTheNextCommandTriesAgain() throws Exception {
        FakeProject project = FakeProject.in(dir);
        project.hold("fail-build");

        FakeProject.Result failed = project.run("--version");
        project.release("fail-build");
        FakeProject.Result retried = project.run("--version");

        assertThat(failed.code()).isEqualTo(3);
        assertThat(failed.err()).contains("labs: the build failed", "COMPILATION ERROR", "hint: fix it");
        assertThat(project.javaCalls()).as("JVM starts").hasSize(1);
        assertThat(retried.code()).isZero();
        assertThat(project.builds()).isEqualTo(2);
    }

    @Test
    void aJarThatAFailedBuildWroteIsRebuiltNotTrusted() throws Exception {
        FakeProject project = FakeProject.in(dir);
        project.run("--version");
        Files.writeString(project.path("src/main/java/io/awslabs/Example.java"), "class Example { int z; }\n");
        project.hold("fail-after-jar");
        FakeProject.Result failed = project.run("--version");
        project.release("fail-after-jar");

        FakeProject.Result next = project.run("--version");

        assertThat(failed.code()).isEqualTo(3);
        assertThat(next.err()).contains("labs: building target/aws-labs.jar");
        assertThat(project.builds()).isEqualTo(3);
    }

    @Test
    void theDownloadCountArrivesWhileMavenIsStillDownloading() throws Exception {
        FakeProject project = FakeProject.in(dir).withEnv("FAKE_DOWNLOADS", "100");
        project.hold("hold-build");

        FakeProject.Started build = project.start("--version");
        String progress = build.awaitErr("downloaded 100 artifacts");
        boolean stillBuilding = build.process.isAlive();
        project.release("hold-build");

        assertThat(progress).isEqualTo("  downloaded 100 artifacts");
        assertThat(stillBuilding).as("the count was shown while Maven was still running").isTrue();
        assertThat(build.exitCode()).isZero();
        assertThat(build.errLines()).contains("  downloaded 50 artifacts", "  BUILD SUCCESS");
    }

    @ParameterizedTest(name = "flock on PATH: {0}")
    @ValueSource(booleans = {true, false})
    void aSecondCommandWaitsForTheFirstBuildAndUsesItsJar(boolean flockOnPath) throws Exception {
        FakeProject project = FakeProject.in(dir.resolve("project"));
        if (!flockOnPath) {
            project.withEnv("PATH", pathWithout("flock", Files.createDirectory(dir.resolve("bin"))));
        }
        project.hold("hold-build");

        FakeProject.Started first = project.start("list");
        await("the first command is building", () -> count(project::builds) == 1);
        FakeProject.Started second = project.start("--version");
        String waiting = second.awaitErr("waiting");
        project.release("hold-build");

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(waiting).isEqualTo("labs: waiting for another ./labs that is building target/aws-labs.jar");
        assertThat(second.errLines()).as("the second command's stderr").containsExactly(waiting);
        assertThat(project.builds()).as("Maven calls").isEqualTo(1);
        assertThat(project.javaCalls()).as("both ran the one jar").hasSize(2);
        assertThat(Files.exists(project.path("target/.labs-build.lock"))).as("flock's lock file").isEqualTo(flockOnPath);
        assertThat(Files.exists(project.path("target/.labs-build.lock.d"))).as("lock directory left behind").isFalse();
    }

    @Test
    void aChineseLocaleReadsTheBuildAndTheRefusalsInChineseAndLangOverridesIt() throws Exception {
        FakeProject project = FakeProject.in(dir).withEnv("LANG", "zh_CN.UTF-8");

        FakeProject.Result built = project.run("--version");
        project.write("jdk/release", "JAVA_VERSION=\"11.0.2\"\n");
        FakeProject.Result refused = project.run("list");
        FakeProject.Result inEnglish = project.run("list", "--lang", "en");

        assertThat(built.err()).contains("labs: 正在构建 target/aws-labs.jar（第一次构建要下载依赖", "BUILD SUCCESS");
        assertThat(refused.code()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("labs: 在 " + project.path("jdk/bin/java") + " 找到的是 Java 11.0.2；aws-labs "
                + "需要 17 或更新的版本\n提示：请安装 JDK 17 或更新的版本，并把它放在 PATH 的最前面（或者设置 JAVA_HOME）");
        assertThat(inEnglish.err()).startsWith("labs: Java 11.0.2 found at ").contains("\nhint: install a JDK 17+");
    }

    @Test
    void aJavaWithoutAReleaseFileIsAskedItsVersionOnceUntilItChanges() throws Exception {
        FakeProject project = FakeProject.in(dir);
        Files.delete(project.path("jdk/release"));

        project.run("--version");
        project.run("--version");
        long asked = versionQueries(project);
        Files.setLastModifiedTime(project.path("jdk/bin/java"), FileTime.from(Instant.now().plusSeconds(5)));
        project.run("--version");

        assertThat(asked).as("version queries before the binary changed").isEqualTo(1);
        assertThat(versionQueries(project)).as("version queries after").isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11.0.2", "1.8.0_292"})
    void aJavaOlderThan17IsRefusedBeforeAnythingIsBuilt(String version) throws Exception {
        FakeProject project = FakeProject.in(dir);
        project.write("jdk/release", "JAVA_VERSION=\"" + version + "\"\n");

        FakeProject.Result result = project.run("list");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("labs: Java " + version + " found at " + project.path("jdk/bin/java")
                + "; aws-labs needs 17 or newer\nhint: install a JDK 17+ and put it first on PATH (or set JAVA_HOME)");
        assertThat(project.builds()).isZero();
        assertThat(project.javaCalls()).isEmpty();
    }

    @Test
    void theFirstRunOnlyListsItsClassesAndTheArchiveIsWrittenAfterItHasExited() throws Exception {
        FakeProject project = FakeProject.in(dir);
        project.run("--version");
        project.write("target/launcher/aws-labs-1-2-3.jsa", "archive of a jar that ./mvnw replaced");
        project.hold("hold-dump");

        FakeProject.Result firstRun = project.run("run", "kms-envelope-encryption");
        await("the archive dump starts after the run", () -> calls(project).anyMatch(c -> c.contains("-Xshare:dump")));
        boolean archivedBeforeRelease = archives(project).anyMatch(a -> !a.endsWith("aws-labs-1-2-3.jsa"));
        project.release("hold-dump");
        await("the archive is written", () -> archives(project).count() == 1 && !dumpLocked(project)
                && archives(project).noneMatch(a -> a.endsWith("aws-labs-1-2-3.jsa")));
        project.run("run", "kms-envelope-encryption");
        project.run("list");

        assertThat(firstRun.code()).as("the first run returned while the dump was held").isZero();
        assertThat(archivedBeforeRelease).isFalse();
        List<String> calls = project.javaCalls();
        assertThat(calls.get(0)).as("--version before any run").doesNotContain("-XX:DumpLoadedClassList", "-XX:SharedArchiveFile");
        assertThat(calls.get(1)).as("the first run").contains("-XX:DumpLoadedClassList=").doesNotContain("-XX:SharedArchiveFile");
        String archive = archives(project).findFirst().orElseThrow().toString();
        assertThat(calls.get(2)).as("the dump").contains("-Xshare:dump", "-cp " + project.path("target/aws-labs.jar"));
        assertThat(calls.subList(3, 5)).as("the run and list after it")
                .allMatch(c -> c.contains("-XX:SharedArchiveFile=" + archive) && !c.contains("DumpLoadedClassList"));
        assertThat(calls).hasSize(5);
    }

    private static long versionQueries(FakeProject project) throws IOException {
        return project.javaCalls().stream().filter(c -> c.contains("-XshowSettings:properties")).count();
    }

    private static Stream<String> calls(FakeProject project) {
        try {
            return project.javaCalls().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Stream<Path> archives(FakeProject project) {
        try (Stream<Path> files = Files.list(project.path("target/launcher"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static boolean dumpLocked(FakeProject project) {
        try (Stream<Path> files = Files.list(project.path("target/launcher"))) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".lock"));
        } catch (IOException e) {
            return true;
        }
    }

    private interface Count {
        int get() throws IOException;
    }

    private static int count(Count count) {
        try {
            return count.get();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s for: " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A PATH of links to every command on this one except {@code tool}. */
    private static String pathWithout(String tool, Path bin) throws IOException {
        for (String entry : System.getenv("PATH").split(":")) {
            Path pathDir = Path.of(entry);
            if (!Files.isDirectory(pathDir)) {
                continue;
            }
            try (Stream<Path> commands = Files.list(pathDir)) {
                for (Path command : (Iterable<Path>) commands::iterator) {
                    Path link = bin.resolve(command.getFileName().toString());
                    if (!command.getFileName().toString().equals(tool) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, command);
                    }
                }
            }
        }
        return bin.toString();
    }
}
