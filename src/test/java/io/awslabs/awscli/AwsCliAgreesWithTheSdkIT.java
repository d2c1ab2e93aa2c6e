package io.awslabs.awscli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awslabs.targets.CacheDirs;
import io.awslabs.targets.PythonVenv;
import io.awslabs.targets.Target;
import io.awslabs.testing.SharedMoto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;

/**
 * The commands the evidence shows are commands a learner can run: each generated command is run
 * with the real AWS CLI against the same moto, and answers what the SDK call that it stands for
 * answered. The CLI is the benchmark's pinned one (bench/requirements.txt).
 */
class AwsCliAgreesWithTheSdkIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "labs-cli-" + Long.toString(System.nanoTime(), 36);
    private static Path aws;
    private static Target target;

    @BeforeAll
    static void installTheCliAndConnect() throws Exception {
        String requirements = Files.readString(Path.of("bench/requirements.txt"));
        String pin = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(requirements.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        PythonVenv venv = new PythonVenv(CacheDirs.root().resolve("awscli-" + pin), requirements.lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        venv.ensure(line -> { }, false);
        aws = venv.dir().resolve("bin/aws");
        target = SharedMoto.target();
    }

    @AfterAll
    static void removeWhatTheTestMade() {
        target.client(SsmClient.class).deleteParameter(r -> r.name("/" + NAME));
        target.client(SqsClient.class).deleteQueue(r -> r.queueUrl(target.client(SqsClient.class)
                .getQueueUrl(q -> q.queueName(NAME)).queueUrl()));
        target.client(S3Client.class).deleteBucket(r -> r.bucket(NAME));
        Ec2Client ec2 = target.client(Ec2Client.class);
        ec2.describeVpcs(r -> r.filters(f -> f.name("tag:Name").values(NAME))).vpcs()
                .forEach(v -> ec2.deleteVpc(r -> r.vpcId(v.vpcId())));
        target.close();
    }

    @Test
    void describeKeyOnTheCliNamesTheSameKeyInTheSameState() throws Exception {
        KmsClient kms = target.client(KmsClient.class);
        String keyId = kms.createKey(r -> r.description(NAME)).keyMetadata().keyId();
        try {
            DescribeKeyResponse sdk = kms.describeKey(r -> r.keyId(keyId));

            JsonNode cli = run(sdk);

            assertThat(cli.at("/KeyMetadata/Arn").asText()).isEqualTo(sdk.keyMetadata().arn());
            assertThat(cli.at("/KeyMetadata/KeyState").asText()).isEqualTo(sdk.keyMetadata().keyStateAsString());
        } finally {
            kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(7));
        }
    }

    @Test
    void bucketEncryptionOnTheCliIsTheSameRule() throws Exception {
        S3Client s3 = target.client(S3Client.class);
        s3.createBucket(r -> r.bucket(NAME));
        s3.putBucketEncryption(r -> r.bucket(NAME).serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                .bucketKeyEnabled(true).applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
        GetBucketEncryptionResponse sdk = s3.getBucketEncryption(r -> r.bucket(NAME));

        JsonNode cli = run(sdk);

        JsonNode rule = cli.at("/ServerSideEncryptionConfiguration/Rules/0");
        assertThat(rule.at("/ApplyServerSideEncryptionByDefault/SSEAlgorithm").asText()).isEqualTo("AES256");
        assertThat(rule.at("/BucketKeyEnabled").asBoolean())
                .isEqualTo(sdk.serverSideEncryptionConfiguration().rules().get(0).bucketKeyEnabled());
    }

    @Test
    void queueAttributesOnTheCliAreTheSameAttributes() throws Exception {
        SqsClient sqs = target.client(SqsClient.class);
        String url = sqs.createQueue(r -> r.queueName(NAME).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "7")))
                .queueUrl();
        GetQueueAttributesResponse sdk = sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT, QueueAttributeName.QUEUE_ARN));

        JsonNode cli = run(sdk);

        assertThat(cli.at("/Attributes/VisibilityTimeout").asText()).isEqualTo("7");
        assertThat(cli.at("/Attributes/QueueArn").asText()).isEqualTo(sdk.attributes().get(QueueAttributeName.QUEUE_ARN));
    }

    @Test
    void describeVpcsWithATagFilterOnTheCliFindsTheSameVpc() throws Exception {
        Ec2Client ec2 = target.client(Ec2Client.class);
        ec2.createVpc(r -> r.cidrBlock("10.91.0.0/16").tagSpecifications(t -> t.resourceType("vpc")
                .tags(tag -> tag.key("Name").value(NAME))));
        DescribeVpcsResponse sdk = ec2.describeVpcs(r -> r.filters(f -> f.name("tag:Name").values(NAME)));

        JsonNode cli = run(sdk);

        assertThat(cli.at("/Vpcs").size()).isEqualTo(1);
        assertThat(cli.at("/Vpcs/0/VpcId").asText()).isEqualTo(sdk.vpcs().get(0).vpcId());
    }

    @Test
    void getParameterOnTheCliReadsTheSameValue() throws Exception {
        SsmClient ssm = target.client(SsmClient.class);
        ssm.putParameter(r -> r.name("/" + NAME).value("blue").type("String"));
        GetParameterResponse sdk = ssm.getParameter(r -> r.name("/" + NAME));

        JsonNode cli = run(sdk);

        assertThat(cli.at("/Parameter/Value").asText()).isEqualTo(sdk.parameter().value()).isEqualTo("blue");
    }

    /** Runs the command the SDK call left for {@code answer}, the way a learner would paste it. */
    private static JsonNode run(AwsResponse answer) throws Exception {
        String command = CliEquivalents.of(answer).orElseThrow(() -> new AssertionError("no CLI command for " + answer));
        assertThat(command).startsWith("aws ").contains("--endpoint-url " + target.endpoint().orElseThrow());
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", aws + command.substring("aws".length()) + " --output json")
                .redirectErrorStream(false);
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_DEFAULT_REGION", target.region(), "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null"));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + "\n" + err).isZero();
        return JSON.readTree(out);
    }
}
