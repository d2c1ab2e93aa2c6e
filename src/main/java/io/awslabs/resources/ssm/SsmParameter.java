package io.awslabs.resources.ssm;

import io.awslabs.resources.Ids;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ssm.SsmClient;

/** A Parameter Store parameter, recorded by its name ({@code /labs-<lab>-<run>/...}). */
public final class SsmParameter implements ResourceKind {
    public static final SsmParameter KIND = new SsmParameter();
    /** Lab parameters are {@code /labs-<lab>-<run>/...}; a learner's may lack the leading slash. */
    private static final List<String> LAB_PREFIXES = List.of("/labs-", "labs-");

    private SsmParameter() { }

    @Override
    public String type() {
        return "SSM parameter";
    }

    @Override
    public List<String> actions() {
        return List.of("ssm:DeleteParameter");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("ssm:DescribeParameters");
    }

    @Override
    public void delete(Teardown env, String idOrArn) {
        String name = canonicalId(idOrArn);
        env.target().client(SsmClient.class).deleteParameter(r -> r.name(name));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ssm", "parameter");
    }

    /** {@code /a/b} from {@code arn:...:parameter/a/b}; names without a path have no leading slash. */
    @Override
    public String canonicalId(String idOrArn) {
        if (!idOrArn.startsWith("arn:")) {
            return idOrArn;
        }
        String resource = Ids.resourceOf(idOrArn);
        return resource.contains("/") ? "/" + resource : resource;
    }

    /**
     * Only names that start like a lab's, filtered by Parameter Store itself: a region also holds the
     * public parameters a lab reads (an emulator copies thousands of /aws/service/ecs/... ones into
     * the region at the first read of one), and listing them all takes minutes.
     */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(SsmClient.class).describeParametersPaginator(r -> r.parameterFilters(f -> f.key("Name")
                        .option("BeginsWith").values(LAB_PREFIXES))).stream()
                .flatMap(page -> page.parameters().stream())
                .flatMap(p -> runs.runOf(p.name()).map(run -> new Found(run, p.name())).stream())
                .toList();
    }
}
