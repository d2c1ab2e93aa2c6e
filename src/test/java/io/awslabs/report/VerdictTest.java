package io.awslabs.report;

import static io.awslabs.report.Reports.assertion;
import static io.awslabs.report.Reports.lab;
import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.text.Lang;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void everyAssertionPassedAndNothingLeftIsProven() {
        Verdict verdict = Verdict.of(Reports.oneAssertion(Status.PASS, null));

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.PROVEN);
        assertThat(verdict.problems()).isEmpty();
    }

    @Test
    void aSkipWithAReasonIsPartlyProvenAndStillClean() {
        Verdict verdict = Verdict.of(Reports.oneAssertion(Status.SKIPPED, "known moto gap"));

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.PARTIAL);
        assertThat(verdict.outcome().clean()).isTrue();
        assertThat(verdict.outcome().headline()).isEqualTo("Partly proven");
    }

    @Test
    void aSkipWithoutAReasonIsAProblemOfThatAssertion() {
        for (String reason : new String[] {null, " "}) {
            Verdict verdict = Verdict.of(Reports.oneAssertion(Status.SKIPPED, reason));

            assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.NOT_PROVEN);
            assertThat(verdict.problemOf("kms-envelope-encryption", "round-trip")).get()
                    .extracting(Verdict.Problem::text).isEqualTo("SKIPPED without a reason");
        }
    }

    @Test
    void somethingLeftBehindOutranksAFailure() {
        RunReport report = Reports.onMoto(lab("a", List.of(assertion("x", Status.FAIL, null)), TeardownRecord.Outcome.FAILED));

        Verdict verdict = Verdict.of(report);

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.TEARDOWN_INCOMPLETE);
        assertThat(verdict.lines(Lang.EN)).containsExactly("a/x: FAIL", "a: KMS key arn:a was not deleted (FAILED)");
        assertThat(verdict.lines(Lang.ZH)).containsExactly("a/x：FAIL", "a：KMS key arn:a 没有被删除（FAILED）");
        assertThat(verdict.problemsOf("a", Verdict.Scope.TEARDOWN)).hasSize(1);
    }

    @Test
    void keptResourcesAreLeftBehindToo() {
        RunReport report = Reports.onMoto(lab("a", List.of(assertion("x", Status.PASS, null)), TeardownRecord.Outcome.KEPT));

        assertThat(Verdict.of(report).outcome()).isEqualTo(Verdict.Outcome.TEARDOWN_INCOMPLETE);
    }

    @Test
    void aLabThatStoppedEarlyWithoutAFailingAssertionIsNotProven() {
        LabReport passed = lab("a", List.of(assertion("x", Status.PASS, null)), TeardownRecord.Outcome.DELETED);
        LabReport stopped = new LabReport(passed.lab(), Status.ERROR, null, passed.startedAt(), passed.durationMs(),
                passed.steps(), passed.assertions(), passed.teardown(), List.of("lab stopped early: IllegalStateException"));

        Verdict verdict = Verdict.of(Reports.onMoto(stopped));

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.NOT_PROVEN);
        assertThat(verdict.problemsOf("a", Verdict.Scope.LAB)).singleElement().extracting(Verdict.Problem::text).asString()
                .contains("lab stopped early: IllegalStateException");
    }

    @Test
    void anInterruptedRunIsNotProvenAndNamesTheLabsThatNeverRan() {
        RunReport report = Reports.oneAssertion(Status.PASS, null)
                .interruptedBefore(List.of("kms-envelope-encryption", "s3-presigned-upload", "ssm-run-command"));

        Verdict verdict = Verdict.of(report);

        assertThat(report.interrupted().labsNotRun()).containsExactly("s3-presigned-upload", "ssm-run-command");
        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.NOT_PROVEN);
        assertThat(verdict.problemsOfRun()).singleElement().hasToString(
                "the run was interrupted; never ran: s3-presigned-upload, ssm-run-command");
    }

    @Test
    void aLabThatPassedWithASkipIsBadgedPartial() {
        LabReport partial = lab("a", List.of(assertion("x", Status.PASS, null), assertion("y", Status.SKIPPED, "gap")), null);
        LabReport full = lab("b", List.of(assertion("x", Status.PASS, null)), null);
        LabReport notRun = lab("c", List.of(assertion("x", Status.SKIPPED, "no CloudFront")), null);
        LabReport failed = lab("d", List.of(assertion("x", Status.FAIL, null), assertion("y", Status.SKIPPED, "gap")), null);

        assertThat(partial.status()).as("the JSON keeps the lab's status").isEqualTo(Status.PASS);
        assertThat(LabBadge.of(partial)).isEqualTo(LabBadge.PARTIAL);
        assertThat(LabBadge.of(full)).isEqualTo(LabBadge.PASS);
        assertThat(LabBadge.of(notRun)).isEqualTo(LabBadge.SKIPPED);
        assertThat(LabBadge.of(failed)).isEqualTo(LabBadge.FAIL);
    }
}
