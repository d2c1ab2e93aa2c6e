package io.awslabs.resources.ec2;

import io.awslabs.resources.ResourceKind.Found;
import io.awslabs.resources.RunMatcher;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/** How the EC2 kinds find a run's resources: the {@code labs:run-id} tag they were created with. */
final class RunTagged {
    private RunTagged() { }

    /** The Describe* filter that lists only resources carrying a run id tag. */
    static Filter filter() {
        return Filter.builder().name("tag-key").values(Vpc.RUN_ID_TAG).build();
    }

    /** The resource as found for one of the matched runs, or empty. */
    static Optional<Found> found(List<Tag> tags, String id, RunMatcher runs) {
        return tags.stream().filter(t -> Vpc.RUN_ID_TAG.equals(t.key()) && runs.includes(t.value()))
                .map(t -> new Found(t.value(), id)).findFirst();
    }

    /** Whether an EC2 error says the request does not fit the resource's current state (still attaching, say). */
    static boolean incorrectState(Exception e) {
        return e instanceof software.amazon.awssdk.services.ec2.model.Ec2Exception ec2 && ec2.awsErrorDetails() != null
                && ec2.awsErrorDetails().errorCode() != null && ec2.awsErrorDetails().errorCode().startsWith("IncorrectState");
    }
}
