package io.awslabs.testing;

import io.awslabs.targets.Target;
import java.util.List;

/**
 * Lists what a run left live in one service, through that service's listing APIs, by the run
 * id every resource name or tag carries. A lab that uses a new service adds a probe here.
 */
@FunctionalInterface
public interface LeftoverProbe {

    List<String> live(Target target, String runId) throws Exception;

    List<LeftoverProbe> ALL = List.of(
            new KmsLeftovers(),
            new Ec2Leftovers(),
            new IamLeftovers(),
            new SsmLeftovers(),
            new AcmLeftovers(),
            new Route53Leftovers(),
            new CloudFrontLeftovers(),
            new S3Leftovers());
}
