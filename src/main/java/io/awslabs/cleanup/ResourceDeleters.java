package io.awslabs.cleanup;

import io.awslabs.lab.ResourceLedger;
import io.awslabs.targets.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Every resource type {@code labs cleanup} can delete, keyed by the type string labs pass to
 * {@code ctx.create}. A lab that creates a new type adds one entry here: a {@link SimpleDeleter}
 * line when deleting is one call, or a small class when it takes more (emptying, detaching,
 * disabling first).
 *
 * <p>The order is the order a sweep deletes in when no journal says otherwise: what depends on
 * others first (a distribution before its certificate, an instance before its security group
 * and instance profile, a role's attachments before the role), KMS keys last.
 */
public final class ResourceDeleters {
    private static final Duration GROUP_RELEASE_TIMEOUT = Duration.ofMinutes(3);

    public static final List<ResourceDeleter> ALL = List.of(
            new CloudFrontDistributionDeleter(),
            new Ec2InstanceDeleter(),
            SimpleDeleter.of("IAM instance profile role", null, null, id -> id,
                    (t, id) -> pair(id, (profile, role) -> removeRoleFromProfile(t.client(IamClient.class), profile, role))),
            new IamInstanceProfileDeleter(),
            SimpleDeleter.of("IAM role policy attachment", null, null, id -> id,
                    (t, id) -> pair(id, (role, policyArn) -> t.client(IamClient.class)
                            .detachRolePolicy(r -> r.roleName(role).policyArn(policyArn)))),
            new IamRoleDeleter(),
            SimpleDeleter.of("SSM parameter", "ssm", "parameter", ResourceDeleters::parameterName,
                    (t, name) -> t.client(SsmClient.class).deleteParameter(r -> r.name(name))),
            SimpleDeleter.of("ACM certificate", "acm", "certificate", arn -> arn,
                    (t, arn) -> t.client(AcmClient.class).deleteCertificate(r -> r.certificateArn(arn))),
            new Route53HostedZoneDeleter(),
            new S3BucketDeleter(),
            SimpleDeleter.of("EC2 security group", "ec2", "security-group", Ids::lastSegment,
                    ResourceDeleters::deleteSecurityGroup),
            SimpleDeleter.of("KMS alias", "kms", "alias", id -> "alias/" + Ids.lastSegment(id),
                    (t, alias) -> t.client(KmsClient.class).deleteAlias(r -> r.aliasName(alias)))
                    .findingBy(ResourceDeleters::kmsAliasesOf),
            new KmsKeyDeleter());

    private ResourceDeleters() { }

    /** The deleter for a type string from a journal; types are matched ignoring case. */
    public static Optional<ResourceDeleter> forType(String type) {
        return ALL.stream().filter(d -> d.type().toLowerCase(Locale.ROOT).equals(type.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The deleter for an ARN returned by the tagging API. */
    public static Optional<ResourceDeleter> forArn(String arn) {
        Arn parsed = Arn.fromString(arn);
        return ALL.stream().filter(d -> d.owns(parsed)).findFirst();
    }

    /** The relation types record "first second" (a profile and its role, a role and a policy ARN). */
    private static void pair(String id, PairCall call) throws Exception {
        String[] parts = id.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected two names separated by a space, got '" + id + "'");
        }
        call.delete(parts[0], parts[1]);
    }

    @FunctionalInterface
    private interface PairCall {
        void delete(String first, String second) throws Exception;
    }

    /** {@code /a/b} from {@code arn:...:parameter/a/b}; names without a path have no leading slash. */
    static String parameterName(String idOrArn) {
        if (!idOrArn.startsWith("arn:")) {
            return idOrArn;
        }
        String resource = Ids.resourceOf(idOrArn);
        return resource.contains("/") ? "/" + resource : resource;
    }

    /** Checked first: removing a role that is not in the profile is an error, not a no-op. */
    private static void removeRoleFromProfile(IamClient iam, String profile, String role) throws ResourceLedger.ResourceGone {
        boolean member = iam.getInstanceProfile(r -> r.instanceProfileName(profile)).instanceProfile().roles().stream()
                .anyMatch(r -> r.roleName().equals(role));
        if (!member) {
            throw new ResourceLedger.ResourceGone("role " + role + " is no longer in instance profile " + profile);
        }
        iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(profile).roleName(role));
    }

    /** A terminated instance's network interface can hold its security group for a few minutes. */
    private static void deleteSecurityGroup(Target target, String groupId) throws Exception {
        Ec2Client ec2 = target.client(Ec2Client.class);
        Instant deadline = Instant.now().plus(GROUP_RELEASE_TIMEOUT);
        while (true) {
            try {
                ec2.deleteSecurityGroup(r -> r.groupId(groupId));
                return;
            } catch (Ec2Exception e) {
                boolean inUse = e.awsErrorDetails() != null && "DependencyViolation".equals(e.awsErrorDetails().errorCode());
                if (!inUse || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(10_000);
            }
        }
    }

    /** KMS aliases cannot be tagged, so only their name (which carries the run id) finds them. */
    private static List<String> kmsAliasesOf(Target target, String runId) {
        return target.client(KmsClient.class).listAliasesPaginator().aliases().stream()
                .map(AliasListEntry::aliasName).filter(name -> name.contains(runId)).toList();
    }
}
