package io.awslabs.labs.ssm;

import io.awslabs.lab.LabContext;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The identity an instance needs to be managed by Systems Manager: a role that EC2 may assume,
 * with {@code AmazonSSMManagedInstanceCore} attached, inside an instance profile. Each step is a
 * ledger entry of its own, registered in creation order, so teardown undoes them in the only
 * order IAM accepts: role out of the profile, profile, policy, then role.
 */
final class SsmInstanceProfile {
    static final String CORE_POLICY = "AmazonSSMManagedInstanceCore";

    /** Only EC2 may assume the role: that is what makes it an instance role. */
    static final String EC2_TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    record Profile(String roleName, String profileName, String profileArn) { }

    private SsmInstanceProfile() { }

    static Profile create(LabContext ctx) throws Exception {
        IamClient iam = ctx.client(IamClient.class);
        String roleName = ctx.name("role");
        String profileName = ctx.name("profile");

        String roleArn = ctx.create("IAM role",
                () -> iam.createRole(r -> r.roleName(roleName)
                        .assumeRolePolicyDocument(EC2_TRUST_POLICY)
                        .description("SSM managed instance role of " + ctx.name())
                        .tags(ctx.tags((k, v) -> Tag.builder().key(k).value(v).build())))
                        .role().arn(),
                arn -> iam.deleteRole(r -> r.roleName(roleName)));
        String policyArn = "arn:" + partitionOf(roleArn) + ":iam::aws:policy/" + CORE_POLICY;
        ctx.create("IAM role policy attachment",
                () -> {
                    iam.attachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn));
                    return roleName + " " + policyArn;
                },
                attachment -> iam.detachRolePolicy(r -> r.roleName(roleName).policyArn(policyArn)));

        String profileArn = ctx.create("IAM instance profile",
                () -> iam.createInstanceProfile(r -> r.instanceProfileName(profileName)
                        .tags(ctx.tags((k, v) -> Tag.builder().key(k).value(v).build())))
                        .instanceProfile().arn(),
                arn -> iam.deleteInstanceProfile(r -> r.instanceProfileName(profileName)));
        ctx.create("IAM instance profile role",
                () -> {
                    iam.addRoleToInstanceProfile(r -> r.instanceProfileName(profileName).roleName(roleName));
                    return profileName + " " + roleName;
                },
                membership -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName(profileName).roleName(roleName)));
        return new Profile(roleName, profileName, profileArn);
    }

    /** {@code aws}, {@code aws-cn} or {@code aws-us-gov}: AWS managed policy ARNs differ per partition. */
    static String partitionOf(String arn) {
        return arn.split(":", 3)[1];
    }
}
