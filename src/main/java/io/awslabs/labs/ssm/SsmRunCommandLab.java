package io.awslabs.labs.ssm;

import static io.awslabs.targets.EmulatorKind.LOCALSTACK;
import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabOption;
import io.awslabs.lab.Proof;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.iam.IamRole;
import io.awslabs.resources.iam.InstanceProfile;
import io.awslabs.resources.iam.InstanceProfileRole;
import io.awslabs.resources.iam.RolePolicyAttachment;
import io.awslabs.resources.kms.KmsKey;
import io.awslabs.resources.ssm.SsmParameter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.ListCommandsResponse;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PingStatus;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;
import software.amazon.awssdk.services.ssm.model.Tag;
import software.amazon.awssdk.services.ssm.model.Target;
import software.amazon.awssdk.services.ssm.waiters.SsmWaiter;

/**
 * Proves that Systems Manager Run Command reaches an instance nobody can SSH into: the agent
 * calls out, the instance profile authorises it, a tag chooses the target. Parameter Store's
 * SecureString keeps a secret encrypted under the lab's KMS key until a caller asks to decrypt.
 */
public final class SsmRunCommandLab implements Lab {
    static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
    /** The instance's own tag: the run-id tag is shared by every lab of a `run --all`, and theirs have instances too. */
    static final String NAME_TAG = "Name";
    static final String REGISTRATION_TIMEOUT_OPTION = "registration-timeout-seconds";
    private static final Duration DEFAULT_REGISTRATION_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration REGISTRATION_POLL = Duration.ofSeconds(10);
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
    /** How often the SDK's CommandExecuted waiter asks (its model's delay). */
    static final Duration WAITER_POLL = Duration.ofSeconds(5);
    private static final int EVIDENCE_CHARS = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KmsKey.Handle key;
    private String parameterName;
    private String secret;
    private String groupId;
    private SsmInstanceProfile.Profile profile;
    private String instanceId;
    /** The command's run on the lab instance, once command-targets-instance-by-tag found it. */
    private GetCommandInvocationResponse invocation;

    @Override
    public LabInfo info() {
        return LabInfo.of("ssm-run-command", "SSM Run Command without SSH, and Parameter Store SecureString")
                .exam(ExamDomain.SECURE, "1.2 Design secure workloads and applications")
                .concept("Run Command replaces SSH for fleet operations. The SSM agent on the instance calls out to "
                        + "Systems Manager over HTTPS and asks for work, so the security group needs no inbound rule "
                        + "and the instance no key pair; what the agent may do is decided by the role in its instance "
                        + "profile (AmazonSSMManagedInstanceCore), and a tag, not a host list, chooses the targets. "
                        + "Parameter Store keeps secrets as SecureString, encrypted under a KMS key: reading one "
                        + "returns ciphertext unless the caller asks for decryption and may use the key.")
                .examAngle("How do you run a script on private instances with no SSH and no bastion? Why does an "
                        + "instance not show up as managed (no instance profile, no route to the SSM endpoints, no "
                        + "agent)? What does GetParameter return for a SecureString without WithDecryption, and which "
                        + "permission does decryption add (kms:Decrypt on the key)?")
                .services("ssm", "ec2", "iam", "kms")
                .costPerRunUsd(0.02, "upper bound for a run of under an hour in us-east-1: t3.micro on-demand "
                        + "$0.0104/h (aws.amazon.com/ec2/pricing/on-demand, Linux billed per second, 60 s minimum), its "
                        + "public IPv4 address $0.005/h (aws.amazon.com/vpc/pricing), 8 GiB gp3 root volume at "
                        + "$0.08/GB-month (about $0.001/h, aws.amazon.com/ebs/pricing), one KMS key at $1/month "
                        + "prorated hourly and free once pending deletion (about $0.0014, aws.amazon.com/kms/pricing); "
                        + "Run Command and standard parameters cost nothing (aws.amazon.com/systems-manager/pricing). "
                        + "A typical 10-minute run costs about half a cent")
                .provisions(Ec2Instance.KIND, io.awslabs.resources.ec2.SecurityGroup.KIND, IamRole.KIND,
                        InstanceProfile.KIND, InstanceProfileRole.KIND, RolePolicyAttachment.KIND, KmsKey.KIND,
                        SsmParameter.KIND)
                .calls("ec2:DescribeInstanceTypeOfferings", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
                        "ec2:RunInstances", "iam:GetRole", "iam:PassRole", "kms:Decrypt", "kms:Encrypt",
                        "ssm:AddTagsToResource", "ssm:DescribeInstanceInformation", "ssm:GetCommandInvocation",
                        "ssm:GetParameter", "ssm:ListCommands", "ssm:PutParameter", "ssm:SendCommand")
                .creates("an IAM role that EC2 can assume, with AmazonSSMManagedInstanceCore attached, and its "
                                + "instance profile",
                        "a security group in the default VPC with no inbound rule",
                        "one t3.micro instance from the latest Amazon Linux 2023 AMI (looked up from the public "
                                + "parameter " + AMI_PARAMETER + "), no key pair, IMDSv2 only, tagged with the run id",
                        "a symmetric KMS key (scheduled for deletion at teardown) and a SecureString parameter "
                                + "encrypted under it")
                .asserts("no-inbound-rules",
                        "The instance has no key pair and its only security group has zero inbound rules: nothing "
                                + "can connect to it")
                .asserts("profile-role-has-ssm-core",
                        "The instance's profile holds one role, which trusts ec2.amazonaws.com to assume it and has "
                                + "AmazonSSMManagedInstanceCore attached")
                .asserts("instance-registers-with-ssm",
                        "The agent registers the instance with Systems Manager: DescribeInstanceInformation lists it "
                                + "with PingStatus Online, although no inbound connection is possible")
                .asserts("command-targets-instance-by-tag",
                        "SendCommand AWS-RunShellScript targeted by the instance's Name tag (not by instance id) resolves to "
                                + "exactly one target, the lab's instance")
                .asserts("command-runs-script",
                        "The invocation on the instance finishes Success with exit code 0 and its standard output "
                                + "holds a value only a shell on the instance could compute")
                .asserts("securestring-needs-decryption",
                        "A SecureString parameter is encrypted under the lab key: GetParameter without decryption "
                                + "does not return the plaintext, with decryption it does")
                .runNote("placement", "AMI {0} came from the public parameter {1}; the instance went to {2} ({3}) of "
                        + "the default VPC {4}.")
                .note("The agent makes outbound HTTPS calls to the ssm, ssmmessages and ec2messages endpoints; no "
                        + "inbound port is opened (docs.aws.amazon.com/systems-manager/latest/userguide/ssm-agent.html, "
                        + "systems-manager-setting-up-messageAPIs.html). Without a public IP or VPC endpoints the "
                        + "instance cannot register.")
                .note("An account with Default Host Management Configuration turned on manages IMDSv2 instances "
                        + "without an instance profile; this lab uses the instance profile, the classic exam answer "
                        + "(docs.aws.amazon.com/systems-manager/latest/userguide/setup-instance-permissions.html).")
                .note("Run Command targets: Key=tag:<tag-key>,Values=<value> or Key=InstanceIds "
                        + "(docs.aws.amazon.com/systems-manager/latest/APIReference/API_Target.html).")
                .note("GetCommandInvocation returns the first 24,000 characters of stdout; more needs an S3 bucket "
                        + "or CloudWatch Logs "
                        + "(docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetCommandInvocation.html).")
                .note("Standard SecureString parameters are encrypted directly with KMS Encrypt under the chosen "
                        + "key; the reader needs kms:Decrypt on it "
                        + "(docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html).")
                .note("A security group cannot be deleted while a network interface uses it (DependencyViolation), "
                        + "hence teardown terminates the instance and waits first "
                        + "(docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSecurityGroup.html).")
                .option(LabOption.seconds(REGISTRATION_TIMEOUT_OPTION, DEFAULT_REGISTRATION_TIMEOUT.toSeconds(),
                        "how long to wait for the instance's SSM agent to register Online"))
                .source("https://docs.aws.amazon.com/systems-manager/latest/userguide/run-command.html")
                .source("https://docs.aws.amazon.com/systems-manager/latest/userguide/send-commands-multiple.html")
                .source("https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-instance-permissions.html")
                .source("https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-public-parameters-ami.html")
                .source("https://docs.aws.amazon.com/systems-manager/latest/userguide/ami-preinstalled-agent.html")
                .source("https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DescribeInstanceInformation.html")
                .source("https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html")
                .source("https://docs.aws.amazon.com/kms/latest/developerguide/services-parameter-store.html")
                .gap(MOTO, "instance-registers-with-ssm", Symptom.throwsError("500"),
                        "moto has no DescribeInstanceInformation and no SSM agent, so no instance ever registers",
                        "moto/ssm/responses.py defines no describe_instance_information, and moto/core/responses.py "
                                + "answers 'The describe_instance_information action has not been implemented' (moto 5.2.5)")
                .gap(MOTO, "command-runs-script", Symptom.checkFails("stdout holds the shell's answer", "empty stdout"),
                        "moto runs nothing: every invocation is a canned Success with exit code 0 and empty output",
                        "moto/ssm/models.py Command.invocation_response() hard-codes Status 'Success', ResponseCode 0 "
                                + "and StandardOutputContent '' (moto 5.2.5)")
                .gap(MOTO, "securestring-needs-decryption",
                        Symptom.checkFails("value without decryption does not contain the plaintext", "<plaintext>"),
                        "moto stores a SecureString as 'kms:<key-id>:' followed by the plaintext and returns that "
                                + "without decryption; AWS returns KMS ciphertext",
                        "moto/ssm/models.py Parameter.encrypt() returns f\"kms:{self.keyid}:\" + value without calling "
                                + "KMS (moto 5.2.5)")
                .gap(LOCALSTACK, "instance-registers-with-ssm", Symptom.throwsError("501"),
                        "LocalStack's SSM has no DescribeInstanceInformation (501) and no SSM agent, so no instance ever "
                                + "registers",
                        "localstack/services/ssm/provider.py SsmProvider defines no describe_instance_information and falls "
                                + "back to moto (MotoFallbackDispatcher, services/providers.py), whose moto/ssm/responses.py "
                                + "lacks it too; moto/core/responses.py raises NotImplementedError, which "
                                + "localstack/aws/handlers/service.py answers as 501 InternalFailure (localstack-core 4.14.0, "
                                + "moto-ext 5.1.24)")
                .gap(LOCALSTACK, "command-runs-script", Symptom.checkFails("stdout holds the shell's answer", "empty stdout"),
                        "LocalStack runs nothing: SendCommand goes to moto, whose every invocation is a canned Success with "
                                + "exit code 0 and empty output",
                        "localstack/services/ssm/provider.py has no send_command or get_command_invocation, so both fall back "
                                + "to moto; moto/ssm/models.py Command.invocation_response() hard-codes Status 'Success', "
                                + "ResponseCode 0 and StandardOutputContent '' (moto-ext 5.1.24)")
                .gap(LOCALSTACK, "securestring-needs-decryption",
                        Symptom.checkFails("value without decryption does not contain the plaintext", "<plaintext>"),
                        "LocalStack stores a SecureString as moto does, 'kms:<key-id>:' followed by the plaintext, and returns "
                                + "that without decryption; AWS returns KMS ciphertext",
                        "localstack/services/ssm/provider.py put_parameter and get_parameter pass through to moto "
                                + "(call_moto); moto/ssm/models.py Parameter.encrypt() returns f\"kms:{self.keyid}:\" + value "
                                + "without calling KMS (moto-ext 5.1.24)");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        SsmClient ssm = ctx.client(SsmClient.class);
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        LabInstance.Placement placement = ctx.step(ctx.words("step.defaultVpc"),
                () -> LabInstance.defaultPlacement(ec2, ctx.target().region()));
        String imageId = ctx.step(ctx.words("step.latestAmi"),
                () -> ssm.getParameter(r -> r.name(AMI_PARAMETER)).parameter().value());
        ctx.note("placement", imageId, AMI_PARAMETER, placement.subnetId(), placement.availabilityZone(),
                placement.vpcId());

        key = KmsKey.create(ctx, "securestring");
        secret = "demo-" + HexFormat.of().formatHex(randomBytes(12));
        parameterName = "/" + ctx.name() + "/demo-secret";
        ctx.create(SsmParameter.KIND, () -> {
            ssm.putParameter(r -> r.name(parameterName).type(ParameterType.SECURE_STRING)
                    .value(secret).keyId(key.id())
                    .description("Demo secret of " + ctx.name())
                    .tags(ctx.tags((k, v) -> Tag.builder().key(k).value(v).build())));
            return parameterName;
        });

        groupId = LabInstance.createSecurityGroup(ctx, placement.vpcId());
        profile = SsmInstanceProfile.create(ctx);
        instanceId = ctx.step(ctx.words("step.launch"),
                () -> LabInstance.launch(ctx, imageId, placement, groupId, profile.profileArn()));
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        IamClient iam = ctx.client(IamClient.class);
        SsmClient ssm = ctx.client(SsmClient.class);
        String nonce = ctx.runId() + "-" + HexFormat.of().formatHex(randomBytes(4));
        // The shell computes 6*7: "42" appears in the output only if a shell on the instance ran it.
        String script = "echo \"ran $((6 * 7)) " + nonce + "\"";
        String expectedOutput = "ran 42 " + nonce;

        check.that("no-inbound-rules", p -> {
            Instance instance = describe(ec2, p);
            List<String> groups = instance.securityGroups().stream().map(GroupIdentifier::groupId).toList();
            p.evidence("instanceId", instanceId).evidence("securityGroups", groups);
            p.isTrue("instance launched without a key pair", instance.keyName() == null,
                    instance.keyName() == null ? "no key pair" : "key pair " + instance.keyName());
            p.equal("security groups of the instance", List.of(groupId), groups);
            DescribeSecurityGroupsResponse described = ec2.describeSecurityGroups(r -> r.groupIds(groups));
            p.call("ec2:DescribeSecurityGroups", described);
            List<SecurityGroup> securityGroups = described.securityGroups();
            p.evidence("outboundRules", securityGroups.stream().flatMap(g -> g.ipPermissionsEgress().stream())
                    .map(SsmRunCommandLab::rule).toList());
            p.equal("inbound rules", List.of(), securityGroups.stream().flatMap(g -> g.ipPermissions().stream())
                    .map(SsmRunCommandLab::rule).toList());
        });

        check.that("profile-role-has-ssm-core", p -> {
            Instance instance = describe(ec2, p);
            String attachedProfile = instance.iamInstanceProfile() == null ? null : instance.iamInstanceProfile().arn();
            p.equal("instance profile of the instance", profile.profileArn(), attachedProfile);
            String profileName = attachedProfile.substring(attachedProfile.lastIndexOf('/') + 1);
            GetInstanceProfileResponse described = iam.getInstanceProfile(r -> r.instanceProfileName(profileName));
            p.call("iam:GetInstanceProfile", described);
            List<String> roles = described.instanceProfile().roles().stream().map(Role::roleName).toList();
            p.equal("roles in the profile", List.of(profile.roleName()), roles);
            GetRoleResponse role = iam.getRole(r -> r.roleName(roles.get(0)));
            p.call("iam:GetRole", role);
            String trust = TrustPolicies.decode(role.role().assumeRolePolicyDocument());
            p.evidence("trustPolicy", trust);
            p.isTrue("trust policy lets ec2.amazonaws.com call sts:AssumeRole",
                    TrustPolicies.allowsServiceToAssume(trust, "ec2.amazonaws.com"), trust);
            List<String> attached = iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roles.get(0)))
                    .attachedPolicies().stream().map(AttachedPolicy::policyArn).toList();
            p.evidence("attachedPolicies", attached);
            p.isTrue(SsmInstanceProfile.CORE_POLICY + " attached to the role",
                    attached.stream().anyMatch(arn -> arn.endsWith(":policy/" + SsmInstanceProfile.CORE_POLICY)), attached);
        });

        check.that("instance-registers-with-ssm", p -> {
            Duration timeout = ctx.seconds(REGISTRATION_TIMEOUT_OPTION);
            Optional<InstanceInformation> info;
            try {
                info = ctx.step(ctx.words("step.awaitRegistration"), () -> ctx.waits().until(
                        ctx.words("wait.registered", instanceId), timeout, REGISTRATION_POLL,
                        () -> ssm.describeInstanceInformation(r -> r.filters(InstanceInformationStringFilter.builder()
                                .key("InstanceIds").values(instanceId).build())).instanceInformationList().stream().findFirst(),
                        i -> i.map(x -> x.pingStatus() == PingStatus.ONLINE).orElse(false),
                        i -> i.map(x -> "PingStatus " + x.pingStatusAsString()).orElse("not listed yet")));
            } catch (AwsServiceException e) {
                p.error("ssm:DescribeInstanceInformation", e);
                throw e;
            }
            info.ifPresent(i -> p.evidence("agentVersion", i.agentVersion())
                    .evidence("platform", i.platformName() + " " + i.platformVersion())
                    .evidence("iamRole", i.iamRole())
                    .evidence("lastPingDateTime", i.lastPingDateTime()));
            p.equal("PingStatus of " + instanceId, "Online", info.map(InstanceInformation::pingStatusAsString)
                    .orElse("not registered after " + timeout.toSeconds() + " s"));
        });

        check.that("command-targets-instance-by-tag", p -> {
            Target byName = Target.builder().key("tag:" + NAME_TAG).values(ctx.name()).build();
            SendCommandResponse sent = ssm.sendCommand(r -> r.documentName("AWS-RunShellScript")
                    .targets(byName)
                    .parameters(Map.of("commands", List.of(script)))
                    .comment(ctx.name()));
            String commandId = sent.command().commandId();
            p.call("ssm:SendCommand", sent).evidence("commandId", commandId)
                    .evidence("targets", byName.key() + "=" + ctx.name());
            ctx.step(ctx.words("step.awaitCommand"), () -> {
                awaitInvocation(ctx, ssm, commandId);
                return null;
            });
            ListCommandsResponse listed = ssm.listCommands(r -> r.commandId(commandId));
            p.call("ssm:ListCommands", listed);
            Command command = listed.commands().get(0);
            p.evidence("commandStatus", command.statusAsString());
            try {
                invocation = ssm.getCommandInvocation(r -> r.commandId(commandId).instanceId(instanceId));
            } catch (InvocationDoesNotExistException e) {
                p.error("ssm:GetCommandInvocation", e);
                p.isTrue("an invocation exists on the lab instance", false, "InvocationDoesNotExist for " + instanceId);
            }
            p.call("ssm:GetCommandInvocation", invocation);
            p.equal("instance the command ran on", instanceId, invocation.instanceId());
            p.equal("TargetCount: instances the tag resolved to", 1, command.targetCount());
        });

        check.that("command-runs-script", p -> {
            if (invocation == null) {
                p.skip(ctx.words("skip.noInvocation"));
            }
            GetCommandInvocationResponse ran = invocation;
            String stdout = ran.standardOutputContent() == null ? "" : ran.standardOutputContent();
            p.evidence("script", script).evidence("stdout", clip(stdout))
                    .evidence("stderr", clip(Objects.toString(ran.standardErrorContent(), "")))
                    .evidence("executionElapsedTime", ran.executionElapsedTime());
            p.equal("invocation Status", "Success", ran.statusAsString());
            p.equal("exit code (ResponseCode)", 0, ran.responseCode());
            p.evidence("expectedStdout", expectedOutput);
            p.isTrue("stdout holds the shell's answer", stdout.contains(expectedOutput),
                    stdout.isEmpty() ? "empty stdout" : clip(stdout));
        });

        check.that("securestring-needs-decryption", p -> {
            GetParameterResponse decrypted = ssm.getParameter(r -> r.name(parameterName).withDecryption(true));
            p.call("ssm:GetParameter(WithDecryption=true)", decrypted);
            p.equal("parameter type", "SecureString", decrypted.parameter().typeAsString());
            p.equal("decrypted value (SHA-256, first 12 hex digits)", fingerprint(secret),
                    fingerprint(decrypted.parameter().value()));
            Optional<ParameterMetadata> described = describedByName(ssm, parameterName);
            p.isTrue("DescribeParameters lists " + "the parameter", described.isPresent(), "not listed");
            ParameterMetadata meta = described.get();
            p.isTrue("parameter is encrypted under the lab key " + key.id(),
                    meta.keyId() != null && meta.keyId().endsWith(key.id()), meta.keyId());
            GetParameterResponse raw = ssm.getParameter(r -> r.name(parameterName).withDecryption(false));
            p.call("ssm:GetParameter(WithDecryption=false)", raw);
            String shown = hide(raw.parameter().value(), secret);
            p.evidence("valueWithoutDecryption", shown);
            p.isTrue("value without decryption does not contain the plaintext",
                    !raw.parameter().value().contains(secret), shown);
        });
    }

    private Instance describe(Ec2Client ec2, Proof p) {
        DescribeInstancesResponse described = ec2.describeInstances(r -> r.instanceIds(instanceId));
        p.call("ec2:DescribeInstances", described);
        return described.reservations().get(0).instances().get(0);
    }

    /**
     * Waits with the SDK's CommandExecuted waiter. A command that fails or times out ends the
     * waiter with an exception; the assertions then read and report the real status instead.
     */
    private void awaitInvocation(LabContext ctx, SsmClient ssm, String commandId) {
        ctx.progress(ctx.words("progress.awaitingCommand", commandId, instanceId, COMMAND_TIMEOUT.toMinutes()));
        try (SsmWaiter waiter = ssm.waiter()) {
            waiter.waitUntilCommandExecuted(GetCommandInvocationRequest.builder().commandId(commandId)
                    .instanceId(instanceId).build(), commandWaiting());
        } catch (SdkClientException endedOtherwise) {
            ctx.progress(ctx.words("progress.commandEndedOtherwise", commandId, endedOtherwise.getMessage()));
        }
    }

    /**
     * The CommandExecuted waiter polls every 5 s and gives up after 20 attempts (100 s) unless told
     * otherwise: a timeout alone does not lengthen it, the attempts must allow it too.
     */
    static WaiterOverrideConfiguration commandWaiting() {
        return WaiterOverrideConfiguration.builder().waitTimeout(COMMAND_TIMEOUT)
                .maxAttempts((int) (COMMAND_TIMEOUT.toSeconds() / WAITER_POLL.toSeconds())).build();
    }

    /**
     * The parameter's metadata, from every page: a filtered DescribeParameters may answer with an
     * empty first page and a NextToken.
     */
    static Optional<ParameterMetadata> describedByName(SsmClient ssm, String name) {
        return ssm.describeParametersPaginator(r -> r.parameterFilters(
                        ParameterStringFilter.builder().key("Name").option("Equals").values(name).build()))
                .stream().flatMap(page -> page.parameters().stream()).filter(m -> name.equals(m.name())).findFirst();
    }

    private static String rule(IpPermission permission) {
        String ports = permission.fromPort() == null ? "all ports" : permission.fromPort() + "-" + permission.toPort();
        List<String> sources = new ArrayList<>();
        permission.ipRanges().forEach(r -> sources.add(r.cidrIp()));
        permission.ipv6Ranges().forEach(r -> sources.add(r.cidrIpv6()));
        permission.userIdGroupPairs().forEach(g -> sources.add(g.groupId()));
        permission.prefixListIds().forEach(l -> sources.add(l.prefixListId()));
        return permission.ipProtocol() + " " + ports + " " + sources;
    }

    /** Shows how a value relates to the secret without ever showing the secret. */
    static String hide(String value, String secret) {
        return clip(value.replace(secret, "<plaintext>"));
    }

    static String fingerprint(String value) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 12);
    }

    private static String clip(String text) {
        return text.length() <= EVIDENCE_CHARS ? text : text.substring(0, EVIDENCE_CHARS) + "... (" + text.length() + " chars)";
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
