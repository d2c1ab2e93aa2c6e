package io.awslabs.labs.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.TeardownRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudFrontPrivateOriginIT extends LabContract {

    CloudFrontPrivateOriginIT() {
        super(CloudFrontPrivateOriginLab::new);
    }

    @Test
    void onMotoTheOacPathIsProvenAndTheOaiVariantIsLeftOutWithTheReason() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("oai-origin-references-oai").reason()).contains("known moto gap").contains("404");
        assertThat(a.get("anonymous-s3-get-denied").reason()).contains("known moto gap").contains("403").contains("200");
        assertThat(a.get("oac-origin-uses-oac").reason()).contains("known moto gap").contains("OriginAccessControlId");
        assertThat(a.get("get-through-distribution").reason()).contains("real AWS only");
        assertThat(a.get("oac-policy-scoped-to-distribution").reason()).contains("real AWS only", "AWS:SourceArn");
        assertThat(labOn(Emulator.MOTO).notes()).anyMatch(n -> n.contains("No OAI variant on this target"));
    }

    @Test
    void localStackCommunityHasNoCloudFrontSoNothingIsCreatedAndTheReasonSaysSo() {
        LabReport lab = labOn(Emulator.LOCALSTACK);

        assertThat(lab.assertions()).allSatisfy(r -> assertThat(r.reason()).as(r.id())
                .contains("does not serve cloudfront", "community edition"));
        assertThat(lab.teardown()).as("nothing was provisioned").isEmpty();
    }

    @Test
    void policyNamesOnlyTheCloudFrontServicePrincipalScopedToTheOacDistribution() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.MOTO);

        assertThat(a.get("policy-grants-cloudfront-only").actual())
                .contains("[Service cloudfront.amazonaws.com]").contains("IsPublic (S3's own verdict): false");
        assertThat(a.get("anonymous-s3-get-denied").evidence()).containsKey("s3:HeadObject(signed).requestId");
    }

    @Test
    void motoCreatesBucketsWithoutBlockPublicAccessSoTheDefaultIsReadBeforeTheLabSetsIt() {
        AssertionRecord block = assertionsOn(Emulator.MOTO).get("block-public-access-all-on");

        assertThat(block.reason()).contains("known moto gap", "NoSuchPublicAccessBlockConfiguration");
        assertThat(block.evidence()).containsKey("s3:GetPublicAccessBlock(new bucket).requestId");
    }

    @Test
    void teardownRemovesTheDistributionsBeforeWhatTheyRelyOn() {
        assertThat(labOn(Emulator.MOTO).teardown()).extracting(TeardownRecord::type).containsExactly(
                "CloudFront distribution", "CloudFront distribution", "CloudFront origin access control",
                "S3 bucket policy", "S3 bucket");
    }
}
