package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.labs.acm.AcmCertificateLab;
import io.awslabs.text.Lang;
import org.junit.jupiter.api.Test;

class AwsExpectationTest {

    @Test
    void theAcmDnsAssertionsAreExpectedOnAwsOnlyWithADomainAndItsZone() {
        LabInfo acm = new AcmCertificateLab().info();

        assertThat(acm.awsExpectation("issued-after-dns-validation"))
                .isEqualTo("SKIPPED unless --option domain=... --option hosted-zone-id=...");
        assertThat(acm.awsExpectation("request-pending-dns-validation")).startsWith("SKIPPED unless");
        assertThat(acm.awsExpectation("expired-import-rejected")).isEqualTo("expected PASS");
    }

    @Test
    void theGetThroughTheDistributionIsExpectedOnAwsUnlessTheWaitIsTurnedOff() {
        LabInfo cloudfront = new io.awslabs.labs.cloudfront.CloudFrontPrivateOriginLab().info();

        assertThat(cloudfront.awsExpectation("get-through-distribution"))
                .isEqualTo("expected PASS (SKIPPED with --option wait-deployed=false)");
        assertThat(cloudfront.awsExpectation("oac-policy-scoped-to-distribution"))
                .isEqualTo("expected PASS (SKIPPED with --option wait-deployed=false)");
    }

    @Test
    void aChineseLearnerReadsTheExpectationInChineseWhileTheStableFormStaysEnglish() {
        LabInfo acm = new AcmCertificateLab().info();
        LabInfo cloudfront = new io.awslabs.labs.cloudfront.CloudFrontPrivateOriginLab().info();

        assertThat(acm.awsExpectation("issued-after-dns-validation", Lang.ZH))
                .isEqualTo("不加 --option domain=... --option hosted-zone-id=... 就是 SKIPPED");
        assertThat(acm.awsExpectation("expired-import-rejected", Lang.ZH)).isEqualTo("预期 PASS");
        assertThat(cloudfront.awsExpectation("get-through-distribution", Lang.ZH))
                .isEqualTo("预期 PASS（加上 --option wait-deployed=false 时为 SKIPPED）");
        assertThat(acm.awsExpectation("expired-import-rejected")).isEqualTo(acm.awsExpectation("expired-import-rejected", Lang.EN));
    }

    @Test
    void aFlagIsNamedWithTheValueThatTurnsItOn() {
        LabInfo info = LabInfo.of("demo", "Demo").asserts("slow", "waits for a deployment")
                .option(LabOption.flag("wait-deployed", false, "wait")).onAwsNeeds("slow", "wait-deployed");

        assertThat(info.awsExpectation("slow")).isEqualTo("SKIPPED unless --option wait-deployed=true");
    }

    @Test
    void everyLabNeedsOnlyOptionsItDeclaresForAssertionsItDeclares() {
        for (Lab lab : new LabCatalog().all()) {
            LabInfo info = lab.info();
            info.onAwsNeeds().forEach((assertion, options) -> {
                assertThat(info.assertions()).as(info.id()).extracting(LabInfo.AssertionInfo::id).contains(assertion);
                assertThat(info.options()).as(info.id()).extracting(LabOption::name).containsAll(options);
            });
        }
    }
}
