package io.awslabs.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.challenge.PlaceOpener;
import io.awslabs.cleanup.Cleanup;
import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Progress;
import io.awslabs.lab.RunJournal;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.ReportChecker;
import io.awslabs.report.Verdict;
import io.awslabs.report.ReportFiles;
import io.awslabs.report.ReportFormat;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.targets.Target;
import io.awslabs.text.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every challenge promises, proven on each emulator the way a good grader must: checked on the
 * fresh scaffold it fails every check, with a reason in the learner's terms; checking changes
 * nothing; after the reference solution every check passes, or is SKIPPED by a gap the challenge
 * declares for that emulator; the third hint is the solution's commands; a check's report is a
 * valid run report; and {@code labs stop} leaves nothing of the challenge, not even what the learner
 * made by hand under the challenge's name prefix. The challenge runs as
 * {@code labs start --target endpoint} runs it on the shared emulator, journal included. A
 * challenge's IT extends it with one line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ChallengeContract {
    private static final Map<String, Scenario> SCENARIOS = new ConcurrentHashMap<>();

    private final Supplier<Lab> lab;
    private final Supplier<Challenge> challenge;

    @TempDir
    Path dir;

    protected ChallengeContract(Supplier<Lab> lab, Supplier<Challenge> challenge) {
        this.lab = lab;
        this.challenge = challenge;
    }

    /** Everything one challenge did on one emulator, from start to stop: run once, judged by every test. */
    protected record Scenario(ChallengeState started, RunReport fresh, RunReport freshAgain,
                              List<ChallengeSession.Hint> hints, RunReport solved, ChallengeSession.Stopped stopped,
                              List<String> leftAfterStop, boolean activeAfterStop, boolean journalAfterStop) { }

    protected ChallengeInfo info() {
        return challenge.get().info();
    }

    /** The challenge's whole life on this emulator; empty where the emulator lacks one of the lab's services. */
    protected Scenario scenarioOn(Emulator emulator) {
        return SCENARIOS.computeIfAbsent(lab.get().info().id() + "@" + emulator, key -> play(emulator));
    }

    private Scenario play(Emulator emulator) {
        try {
            Path state = Files.createTempDirectory("labs-challenge-state-");
            PlaceOpener opener = new PlaceOpener(state.resolve("emulator"), false, line -> { });
            ChallengeSession session = new ChallengeSession(state, opener, Progress.SILENT, "test");
            ChallengeState.Place place = new ChallengeState.Place("endpoint", emulator.endpoint().toString(), "us-east-1",
                    null, null, false, null, false);
            ChallengeState started;
            try (Target target = opener.open(place, "us-east-1")) {
                started = session.start(lab.get(), challenge.get(), target, place, Map.of());
            }
            RunReport fresh = check(session, opener, started);
            RunReport freshAgain = check(session, opener, started);
            List<ChallengeSession.Hint> hints = List.of(session.hint(started), session.hint(session.requireActive()),
                    session.hint(session.requireActive()));
            ChallengeState solved;
            try (Target target = opener.open(place, "us-east-1")) {
                solved = session.solve(session.requireActive(), target);
            }
            RunReport afterSolution = check(session, opener, solved);
            try (Target target = opener.open(place, "us-east-1")) {
                // what a learner makes by hand under the prefix the task gives: untagged, known to no ledger
                target.client(S3Client.class).createBucket(r -> r.bucket(started.namePrefix() + "-by-hand"));
            }
            ChallengeSession.Stopped stopped = session.stop(solved);
            return new Scenario(started, fresh, freshAgain, hints, afterSolution, stopped,
                    emulator.liveResourcesOf(started.runId()), session.active().isPresent(),
                    Files.exists(RunJournal.fileOf(state.resolve("journals"), started.runId())));
        } catch (Exception e) {
            throw new IllegalStateException("the challenge of " + lab.get().info().id() + " could not be played on "
                    + emulator, e);
        }
    }

    private static RunReport check(ChallengeSession session, PlaceOpener opener, ChallengeState state) {
        try (Target target = opener.open(state.target(), state.target().region())) {
            return session.check(state, target, 0);
        }
    }

    private boolean served(Emulator emulator) {
        try (Target target = emulator.target()) {
            return target.lacks(lab.get().info().services(), lab.get().info().apis()).isEmpty();
        }
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void theFreshScaffoldFailsEveryCheckWithAReasonInTheLearnersTermsAndLanguage(Emulator emulator) {
        assumeTrue(served(emulator), "the lab's services are not on " + emulator + " (see the next test)");
        RunReport fresh = scenarioOn(emulator).fresh();

        assertThat(statuses(fresh)).as(reasons(fresh)).allSatisfy((id, status) -> assertThat(status).isEqualTo(Status.FAIL));
        assertThat(fresh.labs().get(0).assertions()).allSatisfy(a -> assertThat(a.reason()).as(a.id()).isNotBlank());
        assertThat(fresh.labs().get(0).assertions()).allSatisfy(a -> assertThat(a.reason(Lang.ZH))
                .as(a.id() + " in Chinese: " + a.reason(Lang.ZH)).containsPattern("\\p{IsHan}"));
        assertThat(fresh.labs().get(0).assertions()).filteredOn(a -> info().gapFor(emulator.kind(), a.id()).isEmpty())
                .extracting(AssertionRecord::note).containsOnlyNulls();
        assertThat(fresh.challenge().passed()).isZero();
        assertThat(Verdict.of(fresh).problems()).isNotEmpty();
    }

    @Order(2)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void aTargetWithoutTheLabsServicesRefusesToStartTheChallenge(Emulator emulator) throws Exception {
        assumeTrue(!served(emulator), "the lab's services are all on " + emulator);
        Path state = Files.createTempDirectory(dir, "state");
        PlaceOpener opener = new PlaceOpener(state.resolve("emulator"), false, line -> { });
        ChallengeSession session = new ChallengeSession(state, opener, Progress.SILENT, "test");
        ChallengeState.Place place = new ChallengeState.Place("endpoint", emulator.endpoint().toString(), "us-east-1",
                null, null, false, null, false);
        try (Target target = opener.open(place, "us-east-1")) {
            assertThatThrownBy(() -> session.start(lab.get(), challenge.get(), target, place, Map.of()))
                    .isInstanceOf(EnvironmentException.class).hasMessageContaining("cannot run here");
        }
        assertThat(session.active()).isEmpty();
    }

    @Order(3)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void checkingOnlyReadsItFixesNothingAndRemovesItsProbes(Emulator emulator) {
        assumeTrue(served(emulator), "the lab's services are not on " + emulator);
        Scenario s = scenarioOn(emulator);

        assertThat(statuses(s.freshAgain())).isEqualTo(statuses(s.fresh()));
        for (RunReport check : List.of(s.fresh(), s.freshAgain(), s.solved())) {
            assertThat(check.labs().get(0).teardown()).extracting(TeardownRecord::outcome)
                    .allSatisfy(o -> assertThat(o).isEqualTo(TeardownRecord.Outcome.DELETED));
        }
    }

    @Order(4)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void afterTheReferenceSolutionEveryCheckPassesOrIsSkippedByItsDeclaredGap(Emulator emulator) {
        assumeTrue(served(emulator), "the lab's services are not on " + emulator);
        RunReport solved = scenarioOn(emulator).solved();

        assertThat(statuses(solved)).as(reasons(solved)).isEqualTo(expectedAfterSolution(emulator));
        assertThat(solved.labs().get(0).assertions()).filteredOn(a -> a.status() == Status.SKIPPED)
                .allSatisfy(a -> assertThat(a.reason()).startsWith("known " + emulator.kind().displayName() + " gap"));
        assertThat(solved.labs().get(0).assertions()).extracting(AssertionRecord::note).as(reasons(solved)).containsOnlyNulls();
        assertThat(solved.challenge().solutionApplied()).isTrue();
        assertThat(solved.challenge().complete()).isTrue();
    }

    @Order(5)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void hintsClimbThreeLevelsAndTheThirdIsTheSolutionsAwsCliCommands(Emulator emulator) {
        assumeTrue(served(emulator), "the lab's services are not on " + emulator);
        Scenario s = scenarioOn(emulator);

        assertThat(s.hints()).extracting(ChallengeSession.Hint::level).containsExactly(1, 2, 3);
        assertThat(s.hints().subList(0, 2)).allSatisfy(h -> assertThat(h.text()).isNotBlank());
        assertThat(s.hints().get(2).commands()).isNotEmpty().isEqualTo(challenge.get().commands(s.started().scaffold()))
                .allSatisfy(c -> assertThat(c).startsWith("aws ").doesNotContain("\n"));
        assertThat(s.solved().challenge().hintsUsed()).isEqualTo(3);
    }

    @Order(6)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void aChecksReportIsARunReportThatTheCheckerAndEveryWriterRead(Emulator emulator) throws Exception {
        assumeTrue(served(emulator), "the lab's services are not on " + emulator);
        Map<ReportFormat, Path> files = ReportFiles.write(scenarioOn(emulator).solved(), dir, EnumSet.allOf(ReportFormat.class));

        ReportChecker.Result result = new ReportChecker().check(files.get(ReportFormat.JSON));
        assertThat(result.valid()).as(String.join("\n", result.problems())).isTrue();
        assertThat(result.verdict().outcome().clean()).as(String.join("\n", result.problems())).isTrue();
        assertThat(result.report().challenge().lab()).isEqualTo(lab.get().info().id());
        assertThat(files.values()).allSatisfy(f -> assertThat(Files.size(f)).isPositive());
    }

    @Order(7)
    @ParameterizedTest
    @EnumSource(Emulator.class)
    void stopLeavesNothingOfTheChallengeAndEndsIt(Emulator emulator) {
        assumeTrue(served(emulator), "the lab's services are not on " + emulator);
        Scenario s = scenarioOn(emulator);

        assertThat(s.stopped().rows()).as(s.stopped().rows().toString()).extracting(Cleanup.Row::outcome)
                .doesNotContain(Cleanup.Outcome.FAILED);
        assertThat(s.leftAfterStop()).isEmpty();
        assertThat(s.activeAfterStop()).isFalse();
        assertThat(s.journalAfterStop()).as("a settled journal is removed").isFalse();
    }

    @Test
    void everyGapNamesACheckOfTheChallengeAndTheChallengeNamesItsLab() {
        LabInfo labInfo = lab.get().info();
        ChallengeInfo info = info();

        assertThat(challenge.get().labId()).isEqualTo(labInfo.id());
        assertThat(info.checks()).isNotEmpty();
        assertThat(info.hints()).hasSize(2);
        assertThat(info.creates()).isNotEmpty();
        List<String> checks = info.checks().stream().map(LabInfo.AssertionInfo::id).toList();
        assertThat(info.gaps()).allSatisfy(g -> assertThat(checks).contains(g.assertionId()));
    }

    private Map<String, Status> expectedAfterSolution(Emulator emulator) {
        Map<String, Status> expected = new LinkedHashMap<>();
        for (LabInfo.AssertionInfo c : info().checks()) {
            expected.put(c.id(), info().gapFor(emulator.kind(), c.id()).isPresent() ? Status.SKIPPED : Status.PASS);
        }
        return expected;
    }

    private static Map<String, Status> statuses(RunReport report) {
        Map<String, Status> statuses = new LinkedHashMap<>();
        report.labs().get(0).assertions().forEach(a -> statuses.put(a.id(), a.status()));
        return statuses;
    }

    private static String reasons(RunReport report) {
        return report.labs().get(0).assertions().stream()
                .map(a -> a.id() + " " + a.status() + ": " + a.reason() + " / " + a.actual() + " / " + a.note())
                .collect(Collectors.joining("\n")) + "\nnotes: " + report.labs().get(0).notes();
    }
}
