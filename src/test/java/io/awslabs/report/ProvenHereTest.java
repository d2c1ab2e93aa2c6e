package io.awslabs.report;

import static io.awslabs.report.Reports.assertion;
import static io.awslabs.report.Reports.lab;
import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.text.Lang;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvenHereTest {
    private static final RunReport.TargetInfo MOTO = new RunReport.TargetInfo("moto", "http://127.0.0.1:5000", "us-east-1", null);
    private static final RunReport.TargetInfo LOCALSTACK =
            new RunReport.TargetInfo("localstack", "http://127.0.0.1:4566", "us-east-1", null);

    /** What the project's last test run proved: moto skips b and c, LocalStack proves b but not c. */
    private static final Optional<FidelityMatrix> MATRIX = Optional.of(FidelityMatrix.of(List.of(
            Reports.run(MOTO, lab("k", List.of(assertion("a", Status.PASS, null), assertion("b", Status.SKIPPED, "gap"),
                    assertion("c", Status.SKIPPED, "gap")), null)),
            Reports.run(LOCALSTACK, lab("k", List.of(assertion("a", Status.PASS, null), assertion("b", Status.PASS, null),
                    assertion("c", Status.SKIPPED, "gap")), null)))));

    private static LabReport ranOn(Status a, Status b, Status c, Status d) {
        return lab("k", List.of(assertion("a", a, null), assertion("b", b, "gap"), assertion("c", c, "gap"),
                assertion("d", d, "not in the matrix")), null);
    }

    @Test
    void aRunOnMotoSaysWhatItProvedAndWhereTheRestCanBeProven() {
        ProvenHere proven = ProvenHere.of(Reports.run(MOTO, ranOn(Status.PASS, Status.SKIPPED, Status.SKIPPED, Status.SKIPPED)),
                MATRIX);

        assertThat(proven.sentence()).isEqualTo("1 of 4 proven on moto; 3 not shown here: 1 can be proven with "
                + "--target localstack, 1 only on AWS, 1 for the reasons given");
        assertThat(proven.provableWith()).isEqualTo(Map.of("localstack", 1));
        assertThat(proven.labsProvableWith("localstack")).containsExactly("k");
    }

    @Test
    void inChineseTheSameCountsReadAsATeacherWouldSayThem() {
        ProvenHere proven = ProvenHere.of(Reports.run(MOTO, ranOn(Status.PASS, Status.SKIPPED, Status.SKIPPED, Status.FAIL)),
                MATRIX);

        assertThat(proven.sentence(Lang.ZH)).isEqualTo("4 条断言中，1 条在 moto 上得到证明；1 条失败；2 条在这里无法展示："
                + "1 条可以用 --target localstack 证明，1 条只能在 AWS 上证明");
    }

    @Test
    void failuresAreCountedApartFromWhatWasNotShown() {
        ProvenHere proven = ProvenHere.of(Reports.run(MOTO, ranOn(Status.FAIL, Status.ERROR, Status.SKIPPED, Status.PASS)),
                MATRIX);

        assertThat(proven.sentence()).isEqualTo("1 of 4 proven on moto; 1 failed, 1 error; 1 not shown here: 1 only on AWS");
    }

    @Test
    void onLocalStackTheOtherEmulatorIsMoto() {
        ProvenHere proven = ProvenHere.of(Reports.run(LOCALSTACK, lab("k", List.of(assertion("a", Status.SKIPPED, "gap")), null)),
                MATRIX);

        assertThat(proven.sentence()).isEqualTo("0 of 1 proven on localstack; 1 not shown here: 1 can be proven with --target moto");
    }

    @Test
    void anEndpointIsNamedByTheEmulatorFoundThereOrByItsAddress() {
        RunReport.TargetInfo identified = new RunReport.TargetInfo("endpoint", "http://127.0.0.1:4566", "us-east-1", null,
                "localstack");
        RunReport.TargetInfo unknown = new RunReport.TargetInfo("endpoint", "http://127.0.0.1:4566", "us-east-1", null);
        LabReport skippedB = lab("k", List.of(assertion("a", Status.PASS, null), assertion("b", Status.SKIPPED, "gap")), null);

        assertThat(ProvenHere.of(Reports.run(identified, skippedB), MATRIX).sentence())
                .isEqualTo("1 of 2 proven on endpoint (localstack); 1 not shown here: 1 only on AWS");
        assertThat(ProvenHere.of(Reports.run(unknown, skippedB), MATRIX).sentence())
                .isEqualTo("1 of 2 proven on endpoint 127.0.0.1:4566; 1 not shown here: 1 can be proven with --target localstack");
    }

    @Test
    void onAwsNoEmulatorIsOfferedForWhatAwsSkipped() {
        RunReport.TargetInfo aws = new RunReport.TargetInfo("aws", null, "eu-west-1", "123456789012");

        ProvenHere proven = ProvenHere.of(Reports.run(aws, ranOn(Status.PASS, Status.SKIPPED, Status.PASS, Status.PASS)), MATRIX);

        assertThat(proven.sentence()).isEqualTo("3 of 4 proven on aws; 1 not shown here (the reasons say why)");
    }

    @Test
    void withoutAMatrixNothingIsClaimedAboutOtherTargets() {
        ProvenHere proven = ProvenHere.of(Reports.run(MOTO, ranOn(Status.PASS, Status.SKIPPED, Status.PASS, Status.PASS)),
                Optional.empty());

        assertThat(proven.sentence()).isEqualTo("3 of 4 proven on moto; 1 not shown here (the reasons say why)");
    }

    @Test
    void everythingProvenSaysSoPlainly() {
        assertThat(ProvenHere.of(Reports.oneAssertion(Status.PASS, null), MATRIX).sentence()).isEqualTo("1 of 1 proven on moto");
    }
}
