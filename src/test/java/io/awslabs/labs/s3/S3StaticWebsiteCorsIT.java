package io.awslabs.labs.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.report.AssertionRecord;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3StaticWebsiteCorsIT extends LabContract {

    S3StaticWebsiteCorsIT() {
        super(S3StaticWebsiteCorsLab::new);
    }

    @Test
    void localStackServesTheIndexAndErrorDocumentsAtTheWebsiteHost() {
        Map<String, AssertionRecord> a = assertionsOn(Emulator.LOCALSTACK);

        assertThat(a.get("website-serves-index-document").evidence().get("websiteEndpoint")).contains(".s3-website.");
        assertThat(a.get("website-serves-error-document").actual()).startsWith("GET of a missing key at the website endpoint: 404 text/html");
    }

    @Test
    void motoAnswersTheWebsiteHostAsARestRequestThatListsTheBucket() {
        AssertionRecord index = assertionsOn(Emulator.MOTO).get("website-serves-index-document");

        assertThat(index.reason()).contains("known moto gap", "ListBucketResult");
    }

    @Test
    void anotherOriginIsServedTheImageWithoutTheCorsHeaderOnBothEmulators() {
        for (Emulator emulator : Emulator.values()) {
            AssertionRecord other = assertionsOn(emulator).get("cors-other-origin-gets-none");
            assertThat(other.evidence().get("GET, Origin " + S3StaticWebsiteCorsLab.OTHER_ORIGIN)).as(emulator.name())
                    .startsWith("200").doesNotContain("access-control-allow-origin");
            assertThat(other.evidence().get("GET, Origin " + S3StaticWebsiteCorsLab.ALLOWED_ORIGIN)).as(emulator.name())
                    .contains("access-control-allow-origin=" + S3StaticWebsiteCorsLab.ALLOWED_ORIGIN);
        }
    }

    @Test
    void localStackRefusesThePreflightForAMethodTheRuleDoesNotAllow() {
        AssertionRecord preflight = assertionsOn(Emulator.LOCALSTACK).get("cors-preflight-refuses-unallowed-method");

        assertThat(preflight.evidence().get("OPTIONS for DELETE")).startsWith("403");
        assertThat(preflight.evidence().get("OPTIONS for GET")).startsWith("200");
    }
}
