package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.RunIds;
import io.awslabs.testing.SharedMoto;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The aws target sets no endpoint on its clients; the tests point it at moto through the SDK's
 * own configured-endpoint setting (AWS_ENDPOINT_URL in the environment, or the aws.endpointUrl
 * system property, which SDK 2.35.0 reads through the same setting before the environment).
 * This proves that each client the labs and the cleanup use honours it: a marker created through
 * an explicit endpoint override is seen through a client built with no endpoint at all.
 */
class ConfiguredEndpointIT {

    @Test
    void everyClientBuiltWithoutAnEndpointGoesToTheConfiguredOne() {
        URI motoEndpoint = SharedMoto.endpoint();
        String marker = "labs-endpoint-" + RunIds.next();
        try (Target explicit = SharedMoto.target()) {
            String key = explicit.client(KmsClient.class).createKey(r -> r.description(marker)
                    .tags(Tag.builder().tagKey("labs:run-id").tagValue(marker).build())).keyMetadata().arn();
            explicit.client(S3Client.class).createBucket(r -> r.bucket(marker));
            explicit.client(IamClient.class).createRole(r -> r.roleName(marker).assumeRolePolicyDocument("{}"));
            explicit.client(SsmClient.class).putParameter(r -> r.name(marker).type(ParameterType.STRING).value("v"));
            String zone = explicit.client(Route53Client.class).createHostedZone(r -> r.name(marker + ".example.com")
                    .callerReference(marker)).hostedZone().id();
            String cert = explicit.client(AcmClient.class).requestCertificate(r -> r.domainName(marker + ".example.com"))
                    .certificateArn();
            String group = explicit.client(Ec2Client.class).createSecurityGroup(r -> r.groupName(marker).description("m"))
                    .groupId();
            int distributions = explicit.client(CloudFrontClient.class).listDistributions().distributionList().quantity();

            System.setProperty("aws.endpointUrl", motoEndpoint.toString());
            try (SdkClients configured = new SdkClients(Optional.empty(), Region.US_EAST_1,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))) {
                assertThat(configured.client(StsClient.class).getCallerIdentity().account()).isEqualTo("123456789012");
                assertThat(configured.client(KmsClient.class).describeKey(r -> r.keyId(key)).keyMetadata().description())
                        .isEqualTo(marker);
                assertThat(configured.client(ResourceGroupsTaggingApiClient.class).getResources(r -> r.tagFilters(f -> f
                        .key("labs:run-id").values(marker))).resourceTagMappingList()).singleElement()
                        .satisfies(m -> assertThat(m.resourceARN()).isEqualTo(key));
                assertThat(configured.client(S3Client.class).headBucket(r -> r.bucket(marker)).sdkHttpResponse().isSuccessful())
                        .isTrue();
                assertThat(configured.client(IamClient.class).getRole(r -> r.roleName(marker)).role().roleName())
                        .isEqualTo(marker);
                assertThat(configured.client(SsmClient.class).getParameter(r -> r.name(marker)).parameter().value())
                        .isEqualTo("v");
                assertThat(configured.client(Route53Client.class).getHostedZone(r -> r.id(zone)).hostedZone().name())
                        .isEqualTo(marker + ".example.com.");
                assertThat(configured.client(AcmClient.class).describeCertificate(r -> r.certificateArn(cert))
                        .certificate().domainName()).isEqualTo(marker + ".example.com");
                assertThat(configured.client(Ec2Client.class).describeSecurityGroups(r -> r.groupIds(group))
                        .securityGroups()).hasSize(1);
                assertThat(configured.client(CloudFrontClient.class).listDistributions().distributionList().quantity())
                        .isEqualTo(distributions);
                assertThat(configured.s3Presigner().presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(1))
                        .getObjectRequest(g -> g.bucket(marker).key("k"))).url().toString())
                        .startsWith(motoEndpoint + "/" + marker + "/k?");
            } finally {
                System.clearProperty("aws.endpointUrl");
            }
            explicit.client(KmsClient.class).scheduleKeyDeletion(r -> r.keyId(key.substring(key.lastIndexOf('/') + 1))
                    .pendingWindowInDays(7));
            explicit.client(S3Client.class).deleteBucket(r -> r.bucket(marker));
            explicit.client(IamClient.class).deleteRole(r -> r.roleName(marker));
            explicit.client(SsmClient.class).deleteParameter(r -> r.name(marker));
            explicit.client(Route53Client.class).deleteHostedZone(r -> r.id(zone));
            explicit.client(AcmClient.class).deleteCertificate(r -> r.certificateArn(cert));
            explicit.client(Ec2Client.class).deleteSecurityGroup(r -> r.groupId(group));
        }
    }
}
