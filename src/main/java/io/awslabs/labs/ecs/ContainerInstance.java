package io.awslabs.labs.ecs;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.TeardownWords;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.Ec2Tags;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The cluster's one EC2 instance: the ECS-optimized Amazon Linux 2023 AMI (its ID is the public
 * SSM parameter AWS keeps current), the instance profile of the ECS instance role, and user data
 * that names the cluster in /etc/ecs/ecs.config, so its ECS agent registers it there.
 */
final class ContainerInstance {
    static final String AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
    static final String INSTANCE_TYPE = "t3.micro";
    private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_EVERY = Duration.ofSeconds(5);
    private static final Duration PROFILE_PROPAGATION_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(10);

    private ContainerInstance() { }

    static String userData(String clusterName) {
        return "#!/bin/bash\necho ECS_CLUSTER=" + clusterName + " >> /etc/ecs/ecs.config\n";
    }

    /** Launches it in the subnet and waits until EC2 says running; its id. */
    static String launch(Provisioning p, String subnetId, String groupId, String profileArn, String clusterName)
            throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        String imageId = p.client(SsmClient.class).getParameter(r -> r.name(AMI_PARAMETER)).parameter().value();
        String name = p.name("container-instance");
        String userData = Base64.getEncoder().encodeToString(userData(clusterName).getBytes(StandardCharsets.UTF_8));
        String instanceId = p.create(Ec2Instance.KIND, () -> p.waits().retrying(TeardownWords.phrase("wait.profileVisible"),
                PROFILE_PROPAGATION_TIMEOUT, RETRY_PAUSE, () -> ec2.runInstances(r -> r.imageId(imageId)
                        .instanceType(INSTANCE_TYPE).minCount(1).maxCount(1)
                        .subnetId(subnetId).securityGroupIds(groupId)
                        .iamInstanceProfile(i -> i.arn(profileArn))
                        .userData(userData)
                        .metadataOptions(m -> m.httpTokens("required"))
                        .creditSpecification(c -> c.cpuCredits("standard"))
                        // the root volume goes with the instance (DeleteOnTermination): untagged, no sweep has to know volumes
                        .tagSpecifications(Ec2Tags.of(p, ResourceType.INSTANCE, name)))
                        .instances().get(0).instanceId(),
                ContainerInstance::isProfileNotYetVisible));
        InstanceStateName state = p.waits().until(TeardownWords.phrase("wait.running", instanceId), RUNNING_TIMEOUT, POLL_EVERY,
                () -> ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0)
                        .state().name(), s -> s == InstanceStateName.RUNNING);
        if (state != InstanceStateName.RUNNING) {
            throw new IllegalStateException(instanceId + " is " + state + ", not running, after "
                    + RUNNING_TIMEOUT.toMinutes() + " min");
        }
        return instanceId;
    }

    /** IAM is eventually consistent: a new instance profile can be unknown to EC2 for a few seconds. */
    private static boolean isProfileNotYetVisible(Exception e) {
        return e instanceof Ec2Exception ec2 && ec2.awsErrorDetails() != null
                && "InvalidParameterValue".equals(ec2.awsErrorDetails().errorCode())
                && String.valueOf(ec2.awsErrorDetails().errorMessage()).contains("iamInstanceProfile");
    }
}
