package io.awslabs.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awslabs.lab.ResourceLedger;
import io.awslabs.report.TeardownRecord;
import io.awslabs.report.TeardownRecord.Outcome;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.Wait;
import io.awslabs.resources.catalog.ResourceKinds;
import io.awslabs.resources.iam.InstanceProfileRole;
import io.awslabs.resources.iam.RolePolicyAttachment;
import io.awslabs.resources.kms.KmsKey;
import io.awslabs.targets.Target;
import io.awslabs.testing.SharedMoto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Each resource kind against the real moto, given only what a journal records (type and id): the resource, set up the way a lab leaves it, is deleted, the service's own API says
 * it is gone, and a second delete counts as already gone.
 */
class ResourceKindsIT {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private Target moto;
    private final String runId = io.awslabs.lab.RunIds.next();
    private boolean deletesBuckets;

    @BeforeEach
    void openTarget() {
        moto = SharedMoto.target();
    }

    @AfterEach
    void closeTarget() throws Exception {
        moto.close();
        if (deletesBuckets) {
            settleS3KeysOfDeletedBuckets();
        }
    }

    /**
     * moto 5.2.5 advances each S3 key's restore state whenever /moto-api/data.json reads it, and
     * on the second step looks up the key's bucket: for a key of a deleted bucket that lookup
     * raises, and data.json answers 500 once per such key (moto/s3/models.py, FakeKey.status).
     * Other tests read data.json, so read it here until the deleted buckets' keys have settled.
     */
    private static void settleS3KeysOfDeletedBuckets() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest dump = java.net.http.HttpRequest.newBuilder(
                SharedMoto.endpoint().resolve("/moto-api/data.json")).GET().build();
        for (int attempt = 0; attempt < 20; attempt++) {
            if (http.send(dump, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
        }
        throw new AssertionError("moto's data.json still fails after 20 reads");
    }

    private TeardownRecord delete(String type, String id) {
        ResourceKind kind = ResourceKinds.forType(type).orElseThrow();
        Teardown env = new Teardown(moto, runId, Wait.unobserved(), line -> { });
        return ResourceLedger.attempt(new ResourceLedger.Entry(type, id, () -> kind.delete(env, id)));
    }

    private void deletedThenAlreadyGone(String type, String id) {
        TeardownRecord first = delete(type, id);
        assertThat(first.outcome()).as(type + ": " + first.message()).isEqualTo(Outcome.DELETED);
        TeardownRecord second = delete(type, id);
        assertThat(second.outcome()).as(type + " again: " + second.message()).isEqualTo(Outcome.ALREADY_GONE);
    }

    private String name(String suffix) {
        return "labs-deleters-" + runId + "-" + suffix;
    }

    @Test
    void kmsKeyIsScheduledForDeletionAndItsAliasDeleted() {
        KmsClient kms = moto.client(KmsClient.class);
        var key = kms.createKey(r -> r.description(name("key"))).keyMetadata();
        kms.createAlias(r -> r.aliasName("alias/" + name("key")).targetKeyId(key.keyId()));

        deletedThenAlreadyGone("KMS alias", "alias/" + name("key"));
        TeardownRecord first = delete("KMS key", key.arn());
        assertThat(first.outcome()).as(first.message()).isEqualTo(Outcome.SCHEDULED);
        assertThat(first.scheduledFor()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(6)));
        TeardownRecord second = delete("KMS key", key.arn());
        assertThat(second.outcome()).isEqualTo(Outcome.SCHEDULED);
        assertThat(second.message()).isEqualTo("already pending deletion");
        assertThat(second.scheduledFor()).isEqualTo(first.scheduledFor());

        assertThat(kms.listAliases().aliases()).noneMatch(a -> a.aliasName().contains(runId));
        assertThat(kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_DELETION);
    }

    @Test
    void s3BucketIsEmptiedOfEveryVersionAndDeleteMarkerThenDeleted() {
        S3Client s3 = moto.client(S3Client.class);
        deletesBuckets = true;
        String bucket = name("data");
        s3.createBucket(r -> r.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status("Enabled")));
        s3.putObject(r -> r.bucket(bucket).key("a.txt"), RequestBody.fromString("one"));
        s3.putObject(r -> r.bucket(bucket).key("a.txt"), RequestBody.fromString("two"));
        s3.deleteObject(r -> r.bucket(bucket).key("a.txt"));

        deletedThenAlreadyGone("S3 bucket", "arn:aws:s3:::" + bucket);

        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals(bucket));
    }

    @Test
    void sqsQueueIsDeletedThenAlreadyGone() {
        SqsClient sqs = moto.client(SqsClient.class);
        String url = sqs.createQueue(r -> r.queueName(name("queue"))).queueUrl();

        deletedThenAlreadyGone("SQS queue", name("queue"));

        assertThat(sqs.listQueues(r -> r.queueNamePrefix(name("queue"))).queueUrls()).doesNotContain(url);
    }

    @Test
    void acmCertificateIsDeleted() {
        AcmClient acm = moto.client(AcmClient.class);
        String arn = acm.requestCertificate(r -> r.domainName(runId + ".example.com")).certificateArn();

        deletedThenAlreadyGone("ACM certificate", arn);

        assertThat(acm.listCertificates().certificateSummaryList()).noneMatch(c -> c.certificateArn().equals(arn));
    }

    @Test
    void iamRoleIsTakenOutOfItsProfileAndStrippedOfPoliciesThenDeleted() {
        IamClient iam = moto.client(IamClient.class);
        String role = name("role");
        String profile = name("profile");
        String roleArn = iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST)).role().arn();
        iam.attachRolePolicy(r -> r.roleName(role).policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
        iam.putRolePolicy(r -> r.roleName(role).policyName("inline").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}"));
        iam.createInstanceProfile(r -> r.instanceProfileName(profile));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role));

        deletedThenAlreadyGone("IAM role", roleArn);
        deletedThenAlreadyGone("IAM instance profile", profile);

        assertThat(iam.listRoles().roles()).noneMatch(r -> r.roleName().equals(role));
        assertThat(iam.listInstanceProfiles().instanceProfiles()).noneMatch(p -> p.instanceProfileName().equals(profile));
    }

    @Test
    void iamRelationsRecordedAsTypedValuesAreUndone() {
        IamClient iam = moto.client(IamClient.class);
        String role = name("rel-role");
        String profile = name("rel-profile");
        String policy = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore";
        iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST));
        iam.attachRolePolicy(r -> r.roleName(role).policyArn(policy));
        iam.createInstanceProfile(r -> r.instanceProfileName(profile));
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profile).roleName(role));

        deletedThenAlreadyGone("IAM instance profile role", Relation.idOf(new InstanceProfileRole.Membership(profile, role)));
        deletedThenAlreadyGone("IAM role policy attachment", Relation.idOf(new RolePolicyAttachment.Attached(role, policy)));

        assertThat(iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies()).isEmpty();
        assertThat(iam.getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().roles()).isEmpty();
        assertThat(delete("IAM role policy attachment", role + " " + policy).outcome()).as("not a recorded relation")
                .isEqualTo(Outcome.FAILED);
        iam.deleteInstanceProfile(r -> r.instanceProfileName(profile));
        iam.deleteRole(r -> r.roleName(role));
    }

    @Test
    void ec2InstanceIsTerminatedThenItsSecurityGroupDeleted() {
        Ec2Client ec2 = moto.client(Ec2Client.class);
        String image = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
        String group = ec2.createSecurityGroup(r -> r.groupName(name("sg")).description("no inbound")).groupId();
        String instance = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1)
                .securityGroupIds(group)).instances().get(0).instanceId();

        deletedThenAlreadyGone("EC2 instance", instance);
        deletedThenAlreadyGone("EC2 security group", group);

        assertThat(ec2.describeInstances(r -> r.instanceIds(instance)).reservations().get(0).instances().get(0)
                .state().name()).isEqualTo(InstanceStateName.TERMINATED);
        assertThat(ec2.describeSecurityGroups().securityGroups()).noneMatch(g -> g.groupId().equals(group));
    }

    @Test
    void ssmParameterIsDeletedByNameOrArn() {
        SsmClient ssm = moto.client(SsmClient.class);
        String parameter = "/" + name("app") + "/secret";
        ssm.putParameter(r -> r.name(parameter).type(ParameterType.SECURE_STRING).value("s3cr3t"));
        String arn = ssm.getParameter(r -> r.name(parameter)).parameter().arn();

        assertThat(delete("SSM parameter", arn).outcome()).isEqualTo(Outcome.DELETED);
        assertThat(delete("SSM parameter", parameter).outcome()).isEqualTo(Outcome.ALREADY_GONE);

        assertThatThrownBy(() -> ssm.getParameter(r -> r.name(parameter))).isInstanceOf(ParameterNotFoundException.class);
    }

    @Test
    void route53ZoneIsEmptiedOfItsRecordsThenDeleted() {
        Route53Client route53 = moto.client(Route53Client.class);
        String domain = name("zone") + ".example.com";
        String zoneId = route53.createHostedZone(r -> r.name(domain).callerReference(name("zone"))).hostedZone().id();
        route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(c -> c
                .action(ChangeAction.CREATE).resourceRecordSet(s -> s.name("_x." + domain).type(RRType.CNAME).ttl(300L)
                        .resourceRecords(v -> v.value("_y.acm-validations.aws."))))));

        deletedThenAlreadyGone("Route 53 hosted zone", zoneId);

        assertThat(route53.listHostedZones().hostedZones()).noneMatch(z -> z.id().equals(zoneId));
    }

    @Test
    void cloudFrontDistributionIsDisabledWaitedForAndDeleted() {
        CloudFrontClient cloudFront = moto.client(CloudFrontClient.class);
        DistributionConfig config = DistributionConfig.builder()
                .callerReference(name("cdn")).comment(name("cdn")).enabled(true)
                .origins(o -> o.quantity(1).items(i -> i.id("s3").domainName("bucket.s3.amazonaws.com")
                        .s3OriginConfig(s -> s.originAccessIdentity(""))))
                .defaultCacheBehavior(b -> b.targetOriginId("s3").viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6"))
                .build();
        String id = cloudFront.createDistribution(r -> r.distributionConfig(config)).distribution().id();

        deletedThenAlreadyGone("CloudFront distribution", id);

        assertThat(cloudFront.listDistributions().distributionList().items()).noneMatch(d -> d.id().equals(id));
    }

    @Test
    void aTagSweepFindsTaggedResourcesOfTheRunAndEveryArnMapsToItsDeleter() {
        Map<String, String> tags = Map.of("labs:run-id", runId, "labs:lab", "deleters");
        KmsClient kms = moto.client(KmsClient.class);
        String key = kms.createKey(r -> r.tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.kms.model.Tag
                .builder().tagKey(e.getKey()).tagValue(e.getValue()).build()).toList())).keyMetadata().arn();
        String cert = moto.client(AcmClient.class).requestCertificate(r -> r.domainName(runId + ".example.com")
                .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.acm.model.Tag.builder()
                        .key(e.getKey()).value(e.getValue()).build()).toList())).certificateArn();
        Ec2Client ec2 = moto.client(Ec2Client.class);
        String group = ec2.createSecurityGroup(r -> r.groupName(name("swept")).description("swept")
                .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP)
                        .tags(tags.entrySet().stream().map(e -> software.amazon.awssdk.services.ec2.model.Tag.builder()
                                .key(e.getKey()).value(e.getValue()).build()).toList()).build())).groupId();
        S3Client s3 = moto.client(S3Client.class);
        deletesBuckets = true;
        s3.createBucket(r -> r.bucket(name("swept")));
        s3.putObject(r -> r.bucket(name("swept")).key("index.html"), RequestBody.fromString("<h1>swept</h1>"));
        s3.putBucketTagging(r -> r.bucket(name("swept")).tagging(t -> t.tagSet(tags.entrySet().stream()
                .map(e -> software.amazon.awssdk.services.s3.model.Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList())));

        List<TagSweep.Tagged> swept = TagSweep.ofRun(moto, runId);

        assertThat(swept).extracting(TagSweep.Tagged::arn).contains(key, cert, "arn:aws:s3:::" + name("swept"))
                .anyMatch(arn -> arn.endsWith("security-group/" + group));
        assertThat(swept).allSatisfy(t -> assertThat(ResourceKinds.forArn(t.arn())).as(t.arn()).isPresent());
        assertThat(TagSweep.ofRun(moto, "zzzzzzzz")).isEmpty();
        for (TagSweep.Tagged t : swept) {
            ResourceKind kind = ResourceKinds.forArn(t.arn()).orElseThrow();
            assertThat(delete(kind.type(), t.arn()).outcome()).as(t.arn())
                    .isEqualTo(kind == KmsKey.KIND ? Outcome.SCHEDULED : Outcome.DELETED);
        }
    }
}
