package io.awslabs.labs.ecs;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.iam.IamRole;
import io.awslabs.resources.iam.InstanceProfile;
import io.awslabs.resources.iam.InstanceProfileRole;
import io.awslabs.resources.iam.RolePolicyAttachment;

/**
 * The ECS container instance role: a role EC2 may assume with the AWS managed policy
 * AmazonEC2ContainerServiceforEC2Role, which lets the ECS agent on the instance register it in the
 * cluster, poll for tasks, and pull images from ECR; in an instance profile. Each step is a ledger
 * entry, so teardown undoes them in the order IAM accepts.
 */
final class EcsInstanceRole {
    static final String POLICY = "service-role/AmazonEC2ContainerServiceforEC2Role";
    static final String EC2_TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private EcsInstanceRole() { }

    /** The instance profile's ARN. */
    static String create(Provisioning p) throws Exception {
        IamRole.Handle role = IamRole.create(p, "instance-role", EC2_TRUST_POLICY, "ECS container instance role of " + p.name());
        RolePolicyAttachment.attach(p, role.name(), "arn:" + role.arn().split(":", 3)[1] + ":iam::aws:policy/" + POLICY);
        InstanceProfile.Handle profile = InstanceProfile.create(p, "instance-profile");
        InstanceProfileRole.add(p, profile.name(), role.name());
        return profile.arn();
    }
}
