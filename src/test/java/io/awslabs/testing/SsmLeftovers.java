package io.awslabs.testing;

import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Parameters whose name carries the run id. */
final class SsmLeftovers implements LeftoverProbe {
    @Override
    public List<String> live(Target target, String runId) {
        SsmClient ssm = target.client(SsmClient.class);
        return ssm.describeParametersPaginator().stream().flatMap(page -> page.parameters().stream())
                .filter(parameter -> parameter.name().contains(runId))
                .map(parameter -> "ssm parameter " + parameter.name())
                .toList();
    }
}
