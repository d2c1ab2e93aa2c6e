package io.awslabs.resources.elbv2;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind.Found;
import io.awslabs.resources.RunMatcher;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

/**
 * Tags of Elastic Load Balancing resources. Load balancer and target group names are limited to
 * 32 characters, too short for {@code labs-<lab>-<run>}, so the run a resource belongs to is read
 * from its {@code labs:run-id} tag, set at creation.
 */
final class ElbTags {
    static final String RUN_ID_TAG = "labs:run-id";
    /** DescribeTags takes at most 20 resource ARNs per call. */
    private static final int PER_CALL = 20;

    private ElbTags() { }

    static List<Tag> of(Provisioning p) {
        return p.tags((k, v) -> Tag.builder().key(k).value(v).build());
    }

    /** A name of 32 characters at most: {@code labs-<run>-<suffix>}. */
    static String shortName(Provisioning p, String suffix) {
        String name = "labs-" + p.runId() + "-" + suffix;
        if (name.length() > 32) {
            throw new IllegalArgumentException("an Elastic Load Balancing name has 32 characters at most: " + name);
        }
        return name;
    }

    /** Those of these ARNs whose run-id tag names a matched run. */
    static List<Found> ofRuns(ElasticLoadBalancingV2Client elb, List<String> arns, RunMatcher runs) {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < arns.size(); i += PER_CALL) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + PER_CALL));
            for (TagDescription d : elb.describeTags(r -> r.resourceArns(batch)).tagDescriptions()) {
                d.tags().stream().filter(t -> RUN_ID_TAG.equals(t.key()) && runs.includes(t.value()))
                        .forEach(t -> found.add(new Found(t.value(), d.resourceArn())));
            }
        }
        return found;
    }
}
