package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.targets.EmulatorKind;
import io.awslabs.text.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class LabRunnerTest {
    private final List<String> events = new ArrayList<>();
    private final RecordingKind thing = new RecordingKind(events);

    /** A lab whose steps are scripted by the test. */
    private final class ScriptedLab implements Lab {
        private final String failIn;
        private final Checks.ProofBody body;
        private final Gap gap;

        ScriptedLab(String failIn, Checks.ProofBody body) {
            this(failIn, body, null);
        }

        ScriptedLab(String failIn, Checks.ProofBody body, Gap gap) {
            this.failIn = failIn;
            this.body = body;
            this.gap = gap;
        }

        @Override
        public LabInfo info() {
            LabInfo info = LabInfo.of("scripted", "Scripted").asserts("first", "the first claim")
                    .asserts("second", "the second claim").provisions(thing);
            return gap == null ? info : info.gap(gap.emulator(), gap.assertionId(), gap.symptom(), gap.reason(), gap.source());
        }

        @Override
        public void provision(LabContext ctx) throws Exception {
            ctx.create(thing, () -> { events.add("create one"); return "one"; });
            ctx.create(thing, () -> { events.add("create two"); return "two"; });
            if ("provision".equals(failIn)) throw new IllegalStateException("provision broke");
        }

        @Override
        public void verify(LabContext ctx, Checks check) {
            if ("verify".equals(failIn)) throw new IllegalStateException("verify broke");
            check.that("first", body);
            check.that("second", p -> p.equal("answer", 42, 42));
        }
    }

    private LabReport run(Lab lab) {
        return run(lab, FakeTarget.moto());
    }

    private LabReport run(Lab lab, FakeTarget target) {
        return new LabRunner(target, RunOptions.defaults(), Progress.SILENT, "abc12345", "test")
                .run(List.of(lab)).labs().get(0);
    }

    /** The gap of the scripted lab's first assertion: the emulator answers 200 where AWS answers 403. */
    private static Gap statusGap() {
        return new Gap(EmulatorKind.MOTO, "first", Symptom.checkFails("status code", "200"),
                "the emulator lets it through", "source.py");
    }

    private static Map<String, AssertionRecord> byId(LabReport report) {
        return report.assertions().stream().collect(Collectors.toMap(AssertionRecord::id, a -> a));
    }

    @Test
    void teardownRunsInReverseOrderAfterASuccessfulRun() {
        LabReport report = run(new ScriptedLab(null, p -> p.isTrue("holds", true, "yes")));

        assertThat(events).containsExactly("create one", "create two", "delete two", "delete one");
        assertThat(report.status()).isEqualTo(Status.PASS);
        assertThat(report.steps()).extracting(s -> s.name()).containsExactly("provision", "verify", "teardown");
        assertThat(report.steps()).extracting(s -> s.name(Lang.ZH)).containsExactly("创建资源", "验证", "清理");
    }

    @Test
    void teardownRunsWhenProvisionThrowsAndUnreachedAssertionsAreErrors() {
        LabReport report = run(new ScriptedLab("provision", p -> { }));

        assertThat(events).containsExactly("create one", "create two", "delete two", "delete one");
        assertThat(report.status()).isEqualTo(Status.ERROR);
        assertThat(report.notes().get(0)).startsWith("lab stopped early: ").contains("provision broke");
        assertThat(report.notes(Lang.ZH).get(0)).startsWith("实验提前停止：").contains("provision broke");
        assertThat(report.assertions()).extracting(AssertionRecord::status).containsOnly(Status.ERROR);
        assertThat(report.assertions().get(0).reason()).startsWith("not reached");
    }

    @Test
    void teardownRunsWhenVerifyThrows() {
        LabReport report = run(new ScriptedLab("verify", p -> { }));

        assertThat(events).endsWith("delete two", "delete one");
        assertThat(report.teardown()).extracting(TeardownRecord::outcome).containsOnly(TeardownRecord.Outcome.DELETED);
    }

    @Test
    void aCheckThatDoesNotHoldFailsWithExpectedAndActualAndTheNextAssertionStillRuns() {
        LabReport report = run(new ScriptedLab(null, p -> p.equal("status code", 403, 200)));

        AssertionRecord first = byId(report).get("first");
        assertThat(first.status()).isEqualTo(Status.FAIL);
        assertThat(first.expected()).isEqualTo("status code: 403");
        assertThat(first.actual()).isEqualTo("status code: 200");
        assertThat(byId(report).get("second").status()).isEqualTo(Status.PASS);
        assertThat(report.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void anUnexpectedExceptionIsAnErrorNotAFailure() {
        LabReport report = run(new ScriptedLab(null, p -> { throw new IllegalArgumentException("boom"); }));

        assertThat(byId(report).get("first").status()).isEqualTo(Status.ERROR);
        assertThat(byId(report).get("first").reason()).contains("boom");
    }

    @Test
    void anExceptionQuotingAPresignedUrlIsReportedWithTheSignatureRedacted() {
        String url = "http://127.0.0.1:1/b/k?X-Amz-Credential=testing%2F20261122%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Signature=0b4f7c6a1f0e2d3c4b5a69788776655443322110ffeeddccbbaa998877665544";
        LabReport report = run(new ScriptedLab(null, p -> { throw new IllegalArgumentException("bad URL " + url); }));

        String reason = byId(report).get("first").reason();
        assertThat(reason).contains("X-Amz-Signature=REDACTED", "X-Amz-Credential=REDACTED").doesNotContain("0b4f7c6a");
    }

    @Test
    void aFailureWithTheDeclaredSymptomIsSkippedWithTheTargetsActualAnswer() {
        LabReport report = run(new ScriptedLab(null, p -> p.equal("status code", 403, 200), statusGap()));

        AssertionRecord first = byId(report).get("first");
        assertThat(first.status()).isEqualTo(Status.SKIPPED);
        assertThat(first.reason()).contains("known moto gap: the emulator lets it through").contains("status code: 200");
        assertThat(first.evidence()).containsEntry("knownGap.source", "source.py");
    }

    @Test
    void anotherCheckFailingUnderADeclaredGapStaysAFailureAndSaysItWasNotTheGap() {
        LabReport report = run(new ScriptedLab(null, p -> {
            p.equal("status code", 403, 403);
            p.equal("error code", "AccessDenied", "SlowDown");
        }, statusGap()));

        AssertionRecord first = byId(report).get("first");
        assertThat(first.status()).isEqualTo(Status.FAIL);
        assertThat(first.note()).contains("a moto gap is declared").contains("different failure")
                .contains("check 'error code' failed with 'SlowDown'");
    }

    @Test
    void theDeclaredCheckFailingWithAnotherAnswerStaysAFailure() {
        LabReport report = run(new ScriptedLab(null, p -> p.equal("status code", 403, 503), statusGap()));

        assertThat(byId(report).get("first").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void anUnexpectedExceptionUnderADeclaredGapStaysAnError() {
        LabReport report = run(new ScriptedLab(null, p -> { throw new IllegalStateException("read timed out"); },
                statusGap()));

        AssertionRecord first = byId(report).get("first");
        assertThat(first.status()).isEqualTo(Status.ERROR);
        assertThat(first.note()).contains("different failure").contains("read timed out");
        assertThat(first.note(Lang.ZH)).startsWith("这条断言声明了 moto 的差异").contains("但发生的是另一种失败", "read timed out");
    }

    @Test
    void anErrorWithTheDeclaredCodeIsTheGap() {
        Gap notImplemented = new Gap(EmulatorKind.MOTO, "first", Symptom.throwsError("501"), "no such API", "x.py");
        LabReport report = run(new ScriptedLab(null, p -> { throw notImplemented(); }, notImplemented));

        assertThat(byId(report).get("first").status()).isEqualTo(Status.SKIPPED);
    }

    @Test
    void onAnEndpointThatDidNotSayWhichEmulatorItIsNoGapApplies() {
        LabReport report = run(new ScriptedLab(null, p -> p.equal("status code", 403, 200), statusGap()),
                FakeTarget.unknownEmulator());

        AssertionRecord first = byId(report).get("first");
        assertThat(first.status()).isEqualTo(Status.FAIL);
        assertThat(first.note()).isNull();
    }

    @Test
    void aDeclaredGapThatNoLongerReproducesIsReportedAsPassWithANote() {
        LabReport report = run(new ScriptedLab(null, p -> p.equal("status code", 403, 403), statusGap()));

        AssertionRecord first = byId(report).get("first");
        assertThat(first.status()).isEqualTo(Status.PASS);
        assertThat(first.note()).contains("no longer reproduces");
        assertThat(first.note(Lang.ZH)).startsWith("声明的 moto 差异已不再出现：");
    }

    @Test
    void anAwsOnlyAssertionIsNotAttemptedOnAnEmulator() {
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        Lab lab = new Lab() {
            @Override public LabInfo info() {
                return LabInfo.of("edge", "Edge").asserts("served", "served at the edge").awsOnly("served", "no edge here");
            }
            @Override public void provision(LabContext ctx) { }
            @Override public void verify(LabContext ctx, Checks check) { check.that("served", p -> ran.set(true)); }
        };

        LabReport report = run(lab);

        assertThat(ran).isFalse();
        assertThat(report.assertions().get(0).status()).isEqualTo(Status.SKIPPED);
        assertThat(report.assertions().get(0).reason()).isEqualTo("real AWS only: no edge here");
    }

    private static AwsServiceException notImplemented() {
        return AwsServiceException.builder().statusCode(501)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalFailure").build()).build();
    }

    @Test
    void aLabThatSkipsEverythingIsSkippedNotPassed() {
        Lab lab = new Lab() {
            @Override public LabInfo info() { return LabInfo.of("skipper", "Skipper").asserts("only", "claim"); }
            @Override public void provision(LabContext ctx) { }
            @Override public void verify(LabContext ctx, Checks check) {
                check.that("only", p -> p.skip(lang -> lang == Lang.ZH ? "需要真实的 AWS" : "needs real AWS"));
            }
        };

        LabReport report = run(lab);

        assertThat(report.status()).isEqualTo(Status.SKIPPED);
        assertThat(report.assertions().get(0).reason()).isEqualTo("needs real AWS");
        assertThat(report.assertions().get(0).reason(Lang.ZH)).as("the lab's words, in the learner's language")
                .isEqualTo("需要真实的 AWS");
    }

    @Test
    void aLabTheTargetCannotRunIsSkippedWithTheTargetsReasonInEveryLanguage() {
        Lab lab = new Lab() {
            @Override public LabInfo info() {
                return LabInfo.of("anycast", "Anycast").services("globalaccelerator").asserts("only", "claim");
            }
            @Override public void provision(LabContext ctx) { events.add("provisioned"); }
            @Override public void verify(LabContext ctx, Checks check) { }
        };

        LabReport report = run(lab);

        assertThat(events).isEmpty();
        assertThat(report.status()).isEqualTo(Status.SKIPPED);
        assertThat(report.skipReason()).startsWith("moto 5.2.5 does not implement globalaccelerator: it has no backend");
        assertThat(report.skipReason(Lang.ZH)).startsWith("moto 5.2.5 没有实现 globalaccelerator：它没有这个服务的后端");
        assertThat(report.assertions().get(0).reason(Lang.ZH))
                .isEqualTo("这个目标运行不了本实验：" + report.skipReason(Lang.ZH));
    }

    @Test
    void namesAndTagsCarryTheRunId() {
        LabContext[] seen = new LabContext[1];
        Lab lab = new Lab() {
            @Override public LabInfo info() { return LabInfo.of("namer", "Namer"); }
            @Override public void provision(LabContext ctx) { seen[0] = ctx; }
            @Override public void verify(LabContext ctx, Checks check) { }
        };

        run(lab);

        assertThat(seen[0].name("bucket")).isEqualTo("labs-namer-abc12345-bucket");
        assertThat(seen[0].tags()).containsEntry("labs:run-id", "abc12345").containsEntry("labs:lab", "namer")
                .containsKey("labs:expires-at");
    }

    @Test
    void aLabCreatingThroughAKindItDoesNotDeclareIsStoppedBeforeTheCreateCall() {
        Lab lab = new Lab() {
            @Override public LabInfo info() { return LabInfo.of("undeclared", "Undeclared").asserts("only", "claim"); }
            @Override public void provision(LabContext ctx) throws Exception {
                ctx.create(thing, () -> { events.add("create one"); return "one"; });
            }
            @Override public void verify(LabContext ctx, Checks check) { }
        };

        LabReport report = run(lab);

        assertThat(report.status()).isEqualTo(Status.ERROR);
        assertThat(report.assertions().get(0).reason()).contains("does not declare", "LabInfo.provisions");
        assertThat(events).isEmpty();
    }
}
