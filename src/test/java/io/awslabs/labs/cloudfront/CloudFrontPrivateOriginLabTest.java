package io.awslabs.labs.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.awslabs.lab.LabInfo;
import io.awslabs.policy.LabPolicy;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.Status;
import io.awslabs.targets.EmulatorTarget;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.testing.LabHarness;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lab's behaviour on targets other than moto, and what {@code labs describe} teaches. */
class CloudFrontPrivateOriginLabTest {
    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void onATargetWithoutCloudFrontTheWholeLabIsSkippedWithTheReasonAndNothingIsCreated() throws Exception {
        // What LocalStack community answers for a service that is Pro only.
        try (Target target = emulatorAnswering(501, "<ErrorResponse><Error><Code>InternalFailure</Code><Message>API for "
                + "service 'cloudfront' not yet implemented or pro feature</Message></Error></ErrorResponse>")) {
            LabReport lab = LabHarness.run(target, new CloudFrontPrivateOriginLab()).labs().get(0);

            assertThat(lab.status()).isEqualTo(Status.SKIPPED);
            assertThat(lab.assertions()).hasSize(7).allSatisfy(a -> assertThat(a.status()).isEqualTo(Status.SKIPPED));
            assertThat(lab.assertions()).filteredOn(a -> !List.of("get-through-distribution", "oac-policy-scoped-to-distribution").contains(a.id()))
                    .hasSize(5).allSatisfy(a -> assertThat(a.reason()).contains("this target has no CloudFront").contains("501"));
            assertThat(lab.teardown()).isEmpty();
        }
    }

    @Test
    void aRefusalIsNotMistakenForAMissingServiceAndStopsTheLab() throws Exception {
        try (Target target = emulatorAnswering(403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>User is not "
                + "authorized to perform: cloudfront:ListDistributions</Message></Error></ErrorResponse>")) {
            LabReport lab = LabHarness.run(target, new CloudFrontPrivateOriginLab()).labs().get(0);

            assertThat(lab.status()).isEqualTo(Status.ERROR);
            assertThat(lab.notes().get(0)).contains("AccessDenied");
            assertThat(lab.assertions()).extracting(AssertionRecord::status).containsOnly(Status.ERROR);
        }
    }

    @Test
    void describeCarriesTheOaiVersusOacComparisonWithItsSources() {
        LabInfo info = new CloudFrontPrivateOriginLab().info();

        assertThat(info.notes()).anySatisfy(n -> assertThat(n).startsWith("OAC").contains("Pros").contains("Con").contains("SSE-KMS"))
                .anySatisfy(n -> assertThat(n).startsWith("OAI").contains("Pros").contains("Cons"))
                .anySatisfy(n -> assertThat(n).startsWith("When each applies"));
        assertThat(info.sources()).contains(
                "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html");
        assertThat(info.assertions()).hasSize(7);
    }

    @Test
    void onAwsTheRequestsThroughTheDistributionsRunUnlessTheLearnerOptsOut() {
        LabInfo info = new CloudFrontPrivateOriginLab().info();

        assertThat(info.optionNamed(CloudFrontPrivateOriginLab.WAIT_DEPLOYED)).hasValueSatisfying(o ->
                assertThat(o.defaultValue()).isEqualTo("true"));
        assertThat(info.awsOnly()).containsOnlyKeys("get-through-distribution", "oac-policy-scoped-to-distribution");
        assertThat(info.statementOf("get-through-distribution")).contains("minutes", "wait-deployed=false");
    }

    @Test
    void theIamActionsCoverTeardownOfAVersionedBucket() {
        assertThat(LabPolicy.actionsOf(new CloudFrontPrivateOriginLab().info()))
                .contains("s3:ListBucketVersions", "s3:DeleteObjectVersion", "s3:GetBucketPublicAccessBlock");
    }

    private Target emulatorAnswering(int status, String xml) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new EmulatorTarget(TargetKind.ENDPOINT, Optional.empty(), endpoint, "us-east-1", 0, () -> { });
    }
}
