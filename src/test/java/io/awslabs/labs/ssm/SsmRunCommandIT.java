package io.awslabs.labs.ssm;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.Checks;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.LabReport;
import io.awslabs.report.ReportJson;
import io.awslabs.report.RunReport;
import io.awslabs.report.Status;
import io.awslabs.report.TeardownRecord;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.targets.Target;
import io.awslabs.testing.Emulator;
import io.awslabs.testing.LabContract;
import io.awslabs.testing.LabHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ssm.SsmClient;

class SsmRunCommandIT extends LabContract {
    private static final List<String> REVERSE_CREATION_ORDER = List.of("EC2 instance", "IAM instance profile role",
            "IAM instance profile", "IAM role policy attachment", "IAM role", "EC2 security group", "SSM parameter",
            "KMS key");

    SsmRunCommandIT() {
        super(SsmRunCommandLab::new);
    }

    @ParameterizedTest
    @EnumSource(Emulator.class)
    void theCommandReachesTheTaggedInstanceWhileTheCannedAnswersAreNotTakenForProof(Emulator emulator) throws Exception {
        Map<String, AssertionRecord> a = assertionsOn(emulator);

        assertThat(a.get("command-targets-instance-by-tag").evidence()).containsKey("commandId");
        assertThat(a.get("command-runs-script").reason()).contains("canned Success").contains("empty stdout");
        assertThat(a.get("securestring-needs-decryption").reason()).contains("kms:").contains("<plaintext>");
        assertThat(a.get("securestring-needs-decryption").checks()).filteredOn(c -> c.what().startsWith("decrypted value"))
                .singleElement().satisfies(c -> assertThat(c.held()).isTrue());
        assertThat(labOn(emulator).notes()).anyMatch(n -> n.contains(SsmRunCommandLab.AMI_PARAMETER) && n.contains("ami-"));
        assertThat(ReportJson.MAPPER.writeValueAsString(reportOn(emulator))).as("the secret never reaches the report")
                .contains("<plaintext>").doesNotContainPattern("demo-[0-9a-f]{24}");
    }

    @Test
    void theInstanceRegistrationIsAnApiNeitherEmulatorHas() {
        assertThat(assertionsOn(Emulator.MOTO).get("instance-registers-with-ssm").reason())
                .contains("moto has no DescribeInstanceInformation");
        assertThat(assertionsOn(Emulator.LOCALSTACK).get("instance-registers-with-ssm").reason())
                .contains("known LocalStack gap", "501 InternalFailure");
    }

    @Test
    void teardownTerminatesTheInstanceFirstThenUndoesEveryIamStepInTheOrderIamAccepts() {
        LabReport lab = labOn(Emulator.MOTO);

        assertThat(lab.teardown()).extracting(TeardownRecord::type).containsExactlyElementsOf(REVERSE_CREATION_ORDER);
    }

    @Test
    void assertionsFailWhenSshIsOpenThePolicyIsMissingOrTheNameTagMatchesTwoInstances() throws Exception {
        RunReport report;
        try (Target moto = Emulator.MOTO.target()) {
            report = LabHarness.run(moto, new Sabotaged(new SsmRunCommandLab()));
        }
        LabReport lab = report.labs().get(0);
        Map<String, AssertionRecord> a = LabHarness.assertionsOf(lab);

        assertThat(a.get("no-inbound-rules").status()).isEqualTo(Status.FAIL);
        assertThat(a.get("no-inbound-rules").actual()).contains("tcp 22-22 [0.0.0.0/0]");
        assertThat(a.get("profile-role-has-ssm-core").status()).isEqualTo(Status.FAIL);
        assertThat(a.get("profile-role-has-ssm-core").actual()).endsWith("attached to the role: []");
        assertThat(a.get("command-targets-instance-by-tag").status()).isEqualTo(Status.FAIL);
        assertThat(a.get("command-targets-instance-by-tag").actual()).contains("TargetCount").contains("2");
        assertThat(a.get("command-runs-script").reason()).as("the lab instance still ran the command")
                .startsWith("known moto gap");
        assertThat(lab.status()).isEqualTo(Status.FAIL);
        assertThat(Emulator.MOTO.liveResourcesOf(report.runId())).isEmpty();
    }


    /**
     * The real lab with its concept broken after provisioning: SSH opened to the world, the SSM
     * policy detached, and a second instance carrying the lab instance's Name tag (registered for teardown).
     */
    private record Sabotaged(Lab real) implements Lab {
        @Override public LabInfo info() { return real.info(); }

        @Override
        public void provision(LabContext ctx) throws Exception {
            real.provision(ctx);
            Ec2Client ec2 = ctx.client(Ec2Client.class);
            String groupId = ec2.describeSecurityGroups(r -> r.filters(
                    Filter.builder().name("group-name").values(ctx.name("sg")).build())).securityGroups().get(0).groupId();
            IpPermission sshFromAnywhere = IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                    .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(sshFromAnywhere));
            ctx.client(IamClient.class).detachRolePolicy(r -> r.roleName(ctx.name("role"))
                    .policyArn("arn:aws:iam::aws:policy/" + SsmInstanceProfile.CORE_POLICY));
            String imageId = ctx.client(SsmClient.class).getParameter(r -> r.name(SsmRunCommandLab.AMI_PARAMETER))
                    .parameter().value();
            ctx.create(Ec2Instance.KIND,
                    () -> ec2.runInstances(r -> r.imageId(imageId).instanceType(LabInstance.INSTANCE_TYPE)
                            .minCount(1).maxCount(1)
                            .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE)
                                    .tags(Tag.builder().key(SsmRunCommandLab.NAME_TAG).value(ctx.name()).build(),
                                            Tag.builder().key("labs:run-id").value(ctx.runId()).build())
                                    .build()))
                            .instances().get(0).instanceId());
        }

        @Override
        public void verify(LabContext ctx, Checks check) throws Exception { real.verify(ctx, check); }
    }
}
