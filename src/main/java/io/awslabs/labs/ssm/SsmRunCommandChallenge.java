package io.awslabs.labs.ssm;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.CheckProof;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.iam.IamRole;
import io.awslabs.resources.kms.KmsKey;
import io.awslabs.resources.ssm.SsmParameter;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * The learner turns an instance reached the old way (an SSH rule in its security group) into one
 * managed only through Systems Manager: no inbound rule, the managed policy on its instance role,
 * and its database password in Parameter Store as a SecureString under the challenge's KMS key.
 */
public final class SsmRunCommandChallenge implements Challenge {
    static final String INSTANCE = "instance";
    static final String GROUP = "security-group";
    static final String ROLE = "role";
    static final String KEY = "key";
    static final String PARAMETER = "parameter";
    static final String PASSWORD = "password";
    /** TEST-NET-3 (RFC 5737): a documentation range no real host has, for the rule the learner removes. */
    static final String SSH_FROM = "203.0.113.0/24";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String labId() {
        return "ssm-run-command";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("Operators reach this instance only through Systems Manager: nothing can connect to it "
                        + "from outside, its instance role lets the SSM agent work with Systems Manager, and the database "
                        + "password (see 'password' below) is kept in Parameter Store under the name 'parameter', "
                        + "encrypted under this KMS key.")
                .creates("an IAM role that EC2 can assume, without any policy, in an instance profile",
                        "a security group in the default VPC with one inbound rule: SSH from " + SSH_FROM,
                        "one " + LabInstance.INSTANCE_TYPE + " instance from the latest Amazon Linux 2023 AMI, no key pair, "
                                + "IMDSv2 only, tagged with the run id",
                        "a symmetric KMS key (scheduled for deletion at 'labs stop')")
                .resource(INSTANCE, "the instance operators must reach, no key pair")
                .resource(GROUP, "its security group, with an SSH rule from {0}")
                .resource(ROLE, "the role of its instance profile {0}, with no policy yet")
                .resource(KEY, "the KMS key for the password")
                .check("no-inbound-rules",
                        "The instance's security groups admit no inbound traffic at all")
                .check("role-has-ssm-core",
                        "The role in the instance's profile has the AWS managed policy AmazonSSMManagedInstanceCore")
                .check("password-is-securestring",
                        "The parameter is a SecureString encrypted under this KMS key and decrypts to the password")
                .check("password-unreadable-without-decryption",
                        "Reading the parameter without decryption does not return the password")
                .hints("Systems Manager instead of SSH: the agent calls out over HTTPS, so the instance needs no inbound "
                                + "rule, but its instance role must allow Systems Manager; Parameter Store's SecureString "
                                + "keeps a secret encrypted under a KMS key.",
                        "EC2 RevokeSecurityGroupIngress of the SSH rule; IAM AttachRolePolicy of "
                                + "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore; SSM PutParameter with Type "
                                + "SecureString and KeyId this key.")
                .gap(MOTO, "password-unreadable-without-decryption",
                        Symptom.checkFails(PLAINTEXT_CHECK, "<plaintext>"),
                        "moto stores a SecureString as 'kms:<key-id>:' followed by the plaintext and returns that without "
                                + "decryption; AWS returns KMS ciphertext",
                        "moto/ssm/models.py Parameter.encrypt() returns f\"kms:{self.keyid}:\" + value without calling KMS "
                                + "(moto 5.2.5)")
                .gap(LOCALSTACK, "password-unreadable-without-decryption",
                        Symptom.checkFails(PLAINTEXT_CHECK, "<plaintext>"),
                        "LocalStack stores a SecureString as moto does, 'kms:<key-id>:' followed by the plaintext, and returns "
                                + "that without decryption; AWS returns KMS ciphertext",
                        "localstack/services/ssm/provider.py put_parameter and get_parameter pass through to moto (call_moto); "
                                + "moto/ssm/models.py Parameter.encrypt() (moto-ext 5.1.24)");
    }

    static final String PLAINTEXT_CHECK = "value without decryption does not contain the password";

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        SsmClient ssm = ctx.client(SsmClient.class);
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        LabInstance.Placement placement = ctx.step(ctx.words("step.defaultVpc"),
                () -> LabInstance.defaultPlacement(ec2, ctx.target().region()));
        String imageId = ctx.step(ctx.words("step.latestAmi"),
                () -> ssm.getParameter(r -> r.name(SsmRunCommandLab.AMI_PARAMETER)).parameter().value());
        KmsKey.Handle key = KmsKey.create(ctx, "securestring");
        String groupId = LabInstance.createSecurityGroup(ctx, placement.vpcId());
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(p -> p.ipProtocol("tcp").fromPort(22)
                .toPort(22).ipRanges(range -> range.cidrIp(SSH_FROM).description("SSH, the old way in"))));
        SsmInstanceProfile.Profile profile = SsmInstanceProfile.createWithoutCorePolicy(ctx);
        String instanceId = ctx.step(ctx.words("step.launch"),
                () -> LabInstance.launch(ctx, imageId, placement, groupId, profile.profileArn()));
        scaffold.item(INSTANCE, Ec2Instance.KIND.type(), instanceId, null)
                .item(GROUP, SecurityGroup.KIND.type(), groupId, null, SSH_FROM)
                .item(ROLE, IamRole.KIND.type(), profile.roleName(), null, profile.profileName())
                .item(KEY, KmsKey.KIND.type(), key.id(), key.arn())
                .value(PARAMETER, "/" + ctx.name() + "/db-password")
                .value(PASSWORD, "demo-" + HexFormat.of().formatHex(randomBytes(9)))
                .value(Scaffold.SOLUTION + "profileArn", profile.profileArn());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        IamClient iam = ctx.client(IamClient.class);
        SsmClient ssm = ctx.client(SsmClient.class);
        String name = scaffold.value(PARAMETER);
        String password = scaffold.value(PASSWORD);
        Instance instance = ec2.describeInstances(r -> r.instanceIds(scaffold.id(INSTANCE)))
                .reservations().get(0).instances().get(0);

        check.that("no-inbound-rules", p -> {
            List<String> groups = instance.securityGroups().stream().map(GroupIdentifier::groupId).toList();
            p.evidence("securityGroups", groups);
            List<String> inbound = ec2.describeSecurityGroups(r -> r.groupIds(groups)).securityGroups().stream()
                    .flatMap(g -> g.ipPermissions().stream().map(rule -> g.groupId() + ": " + rule(rule))).toList();
            p.equal("inbound rules", List.of(), inbound, ctx.words("fail.admitsInbound", String.join("; ", inbound)));
        });

        check.that("role-has-ssm-core", p -> {
            String profileArn = instance.iamInstanceProfile() == null ? null : instance.iamInstanceProfile().arn();
            p.isTrue("the instance has an instance profile", profileArn != null, profileArn,
                    ctx.words("fail.noInstanceProfile"));
            String profileName = profileArn.substring(profileArn.lastIndexOf('/') + 1);
            List<String> roles = iam.getInstanceProfile(r -> r.instanceProfileName(profileName)).instanceProfile().roles()
                    .stream().map(Role::roleName).toList();
            p.isTrue("the profile holds a role", !roles.isEmpty(), roles, ctx.words("fail.profileWithoutRole", profileName));
            List<String> attached = iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roles.get(0))).attachedPolicies()
                    .stream().map(AttachedPolicy::policyArn).toList();
            p.evidence("attachedPolicies", attached);
            p.isTrue(SsmInstanceProfile.CORE_POLICY + " attached to the role",
                    attached.stream().anyMatch(arn -> arn.endsWith(":policy/" + SsmInstanceProfile.CORE_POLICY)), attached,
                    ctx.words("fail.noCorePolicy", roles.get(0), SsmInstanceProfile.CORE_POLICY));
        });

        check.that("password-is-securestring", p -> {
            GetParameterResponse decrypted = requireParameter(ctx, p, ssm, name, true);
            p.equal("parameter type", "SecureString", decrypted.parameter().typeAsString(),
                    ctx.words("fail.notSecureString", name, decrypted.parameter().typeAsString()));
            Optional<ParameterMetadata> described = SsmRunCommandLab.describedByName(ssm, name);
            String keyId = described.map(ParameterMetadata::keyId).orElse(null);
            p.isTrue("encrypted under the challenge's key", keyId != null && keyId.endsWith(scaffold.id(KEY)), keyId,
                    ctx.words("fail.otherKey", name, keyId, scaffold.arn(KEY)));
            p.equal("decrypted value (SHA-256, first 12 hex digits)", SsmRunCommandLab.fingerprint(password),
                    SsmRunCommandLab.fingerprint(decrypted.parameter().value()),
                    ctx.words("fail.otherValue", name));
        });

        check.that("password-unreadable-without-decryption", p -> {
            GetParameterResponse raw = requireParameter(ctx, p, ssm, name, false);
            p.equal("parameter type", "SecureString", raw.parameter().typeAsString(),
                    ctx.words("fail.plainText", name));
            String shown = SsmRunCommandLab.hide(raw.parameter().value(), password);
            p.evidence("valueWithoutDecryption", shown);
            p.isTrue(PLAINTEXT_CHECK, !raw.parameter().value().contains(password), shown,
                    ctx.words("fail.passwordReturned"));
        });
    }

    private static GetParameterResponse requireParameter(LabContext ctx, CheckProof p, SsmClient ssm, String name,
                                                         boolean decrypt) throws Exception {
        try {
            GetParameterResponse got = ssm.getParameter(r -> r.name(name).withDecryption(decrypt));
            p.call("ssm:GetParameter(WithDecryption=" + decrypt + ")", got);
            return got;
        } catch (ParameterNotFoundException e) {
            p.error("ssm:GetParameter", e);
            p.isTrue("the parameter exists", false, "ParameterNotFound", ctx.words("fail.noParameter", name));
            throw new AssertionError("unreachable");
        }
    }

    private static String rule(IpPermission permission) {
        String ports = permission.fromPort() == null ? "all ports" : permission.fromPort() + "-" + permission.toPort();
        List<String> sources = new java.util.ArrayList<>();
        permission.ipRanges().forEach(r -> sources.add(r.cidrIp()));
        permission.ipv6Ranges().forEach(r -> sources.add(r.cidrIpv6()));
        permission.userIdGroupPairs().forEach(g -> sources.add(g.groupId()));
        permission.prefixListIds().forEach(l -> sources.add(l.prefixListId()));
        return permission.ipProtocol() + " " + ports + " from " + sources;
    }

    /** The lab's own pieces: its policy attachment and its SecureString, and the SSH rule gone. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        ctx.client(Ec2Client.class).revokeSecurityGroupIngress(r -> r.groupId(scaffold.id(GROUP)).ipPermissions(p -> p
                .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(range -> range.cidrIp(SSH_FROM))));
        SsmInstanceProfile.attachCorePolicy(ctx, scaffold.id(ROLE), scaffold.value(Scaffold.SOLUTION + "profileArn"));
        SsmClient ssm = ctx.client(SsmClient.class);
        String name = scaffold.value(PARAMETER);
        ctx.create(SsmParameter.KIND, () -> {
            ssm.putParameter(r -> r.name(name).type(ParameterType.SECURE_STRING).value(scaffold.value(PASSWORD))
                    .keyId(scaffold.id(KEY)).description("Database password of " + ctx.name())
                    .tags(ctx.tags((k, v) -> Tag.builder().key(k).value(v).build())));
            return name;
        });
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        return List.of("aws ec2 revoke-security-group-ingress --group-id " + scaffold.id(GROUP)
                        + " --protocol tcp --port 22 --cidr " + SSH_FROM,
                "aws iam attach-role-policy --role-name " + scaffold.id(ROLE) + " --policy-arn "
                        + SsmInstanceProfile.corePolicyArn(scaffold.value(Scaffold.SOLUTION + "profileArn")),
                "aws ssm put-parameter --name " + scaffold.value(PARAMETER) + " --type SecureString --key-id "
                        + scaffold.id(KEY) + " --value '" + scaffold.value(PASSWORD) + "'");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
