package io.awslabs.labs.ssm;

import io.awslabs.lab.LabContext;
import io.awslabs.resources.iam.IamRole;
import io.awslabs.resources.iam.InstanceProfile;
import io.awslabs.resources.iam.InstanceProfileRole;
import io.awslabs.resources.iam.RolePolicyAttachment;

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
        IamRole.Handle role = role(ctx);
        attachCorePolicy(ctx, role.name(), role.arn());
        return profileOf(ctx, role);
    }

    /** The profile and its role without the policy: the step the lab's challenge leaves to the learner. */
    static Profile createWithoutCorePolicy(LabContext ctx) throws Exception {
        return profileOf(ctx, role(ctx));
    }

    static void attachCorePolicy(LabContext ctx, String roleName, String roleArn) throws Exception {
        RolePolicyAttachment.attach(ctx, roleName, corePolicyArn(roleArn));
    }

    static String corePolicyArn(String roleArn) {
        return "arn:" + partitionOf(roleArn) + ":iam::aws:policy/" + CORE_POLICY;
    }

    private static IamRole.Handle role(LabContext ctx) throws Exception {
        return IamRole.create(ctx, "role", EC2_TRUST_POLICY, "SSM managed instance role of " + ctx.name());
    }

    private static Profile profileOf(LabContext ctx, IamRole.Handle role) throws Exception {
        InstanceProfile.Handle profile = InstanceProfile.create(ctx, "profile");
        InstanceProfileRole.add(ctx, profile.name(), role.name());
        return new Profile(role.name(), profile.name(), profile.arn());
    }

    /** {@code aws}, {@code aws-cn} or {@code aws-us-gov}: AWS managed policy ARNs differ per partition. */
    static String partitionOf(String arn) {
        return arn.split(":", 3)[1];
    }
}
