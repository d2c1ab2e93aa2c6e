package io.awslabs.awscli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.acm.model.ImportCertificateRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.kms.model.EncryptRequest;
import software.amazon.awssdk.services.s3.model.PutBucketEncryptionRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

class CliCommandTest {
    private static final Optional<URI> AWS = Optional.empty();

    @Test
    void anEncryptCallNamesItsKeyAndContextAndNeverItsPlaintext() {
        EncryptRequest request = EncryptRequest.builder().keyId("alias/labs-kms-x")
                .plaintext(SdkBytes.fromUtf8String("the secret invoice")).encryptionContext(Map.of("purpose", "invoices")).build();

        String command = CliCommand.of(request, "Encrypt", AWS);

        assertThat(command).isEqualTo("aws kms encrypt --key-id alias/labs-kms-x --plaintext REDACTED "
                + "--encryption-context '{\"purpose\":\"invoices\"}'");
    }

    @Test
    void aSecureStringParameterValueIsRedactedAndItsNameShown() {
        PutParameterRequest request = PutParameterRequest.builder().name("/labs/db-password").value("hunter2")
                .type(ParameterType.SECURE_STRING).build();

        String command = CliCommand.of(request, "PutParameter", AWS);

        assertThat(command).startsWith("aws ssm put-parameter --name /labs/db-password --value REDACTED")
                .contains("--type SecureString").doesNotContain("hunter2");
    }

    @Test
    void s3CallsGoToS3apiWithNestedConfigurationAsJsonAndHideWhatS3MarksSensitive() {
        PutBucketEncryptionRequest request = PutBucketEncryptionRequest.builder().bucket("labs-bucket")
                .serverSideEncryptionConfiguration(c -> c.rules(r -> r.bucketKeyEnabled(true)
                        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID("k-1"))))
                .build();

        String command = CliCommand.of(request, "PutBucketEncryption", AWS);

        assertThat(command).isEqualTo("aws s3api put-bucket-encryption --bucket labs-bucket --server-side-encryption-configuration "
                + "'{\"Rules\":[{\"ApplyServerSideEncryptionByDefault\":{\"SSEAlgorithm\":\"aws:kms\",\"KMSMasterKeyID\":\"REDACTED\"},"
                + "\"BucketKeyEnabled\":true}]}'");
    }

    @Test
    void listsOfNamesAreSpaceSeparatedFlagsAreSwitchesAndAnEmulatorIsNamed() {
        DescribeVpcsRequest request = DescribeVpcsRequest.builder().vpcIds("vpc-1", "vpc-2")
                .filters(Filter.builder().name("tag:labs:run-id").values("abc").build()).dryRun(false).build();

        String command = CliCommand.of(request, "DescribeVpcs", Optional.of(URI.create("http://127.0.0.1:5000")));

        assertThat(command).isEqualTo("aws ec2 describe-vpcs --filters '[{\"Name\":\"tag:labs:run-id\",\"Values\":[\"abc\"]}]' "
                + "--vpc-ids vpc-1 vpc-2 --no-dry-run --endpoint-url http://127.0.0.1:5000");
    }

    @Test
    void aLargeCertificateIsAFileAndTakesNoLongerThanASmallOne() {
        byte[] pem = new byte[256 * 1024];
        java.util.Arrays.fill(pem, (byte) 'A');
        ImportCertificateRequest request = ImportCertificateRequest.builder().certificate(SdkBytes.fromByteArray(pem))
                .privateKey(SdkBytes.fromByteArray(pem)).build();

        String command = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> CliCommand.of(request, "ImportCertificate", AWS));

        assertThat(command).isEqualTo("aws acm import-certificate --certificate fileb://certificate.bin --private-key REDACTED");
    }

    @Test
    void operationAndOptionNamesAreSpelledAsTheCliSpellsThem() {
        assertThat(CliNames.dashed("CreateVpcPeeringConnection")).isEqualTo("create-vpc-peering-connection");
        assertThat(CliNames.dashed("ListMFADevices")).isEqualTo("list-mfa-devices");
        assertThat(CliNames.dashed("KMSMasterKeyID")).isEqualTo("kms-master-key-id");
        assertThat(CliNames.dashed("DescribeDBInstances")).isEqualTo("describe-db-instances");
        assertThat(CliNames.dashed("ListTargetsByARNs")).isEqualTo("list-targets-by-arns");
        assertThat(CliNames.command(software.amazon.awssdk.services.s3.model.GetObjectRequest.class)).isEqualTo("s3api");
    }
}
