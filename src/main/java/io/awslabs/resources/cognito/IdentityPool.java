package io.awslabs.resources.cognito;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CreateIdentityPoolRequest;

/** A Cognito identity pool, recorded by its id ({@code us-east-1:<uuid>}); its name finds it. */
public final class IdentityPool implements ResourceKind {
    public static final IdentityPool KIND = new IdentityPool();
    private static final int PAGE = 60;

    private IdentityPool() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>}, tagged, configured by {@code settings}; returns its id. */
    public static String create(Provisioning p, String suffix, Consumer<CreateIdentityPoolRequest.Builder> settings)
            throws Exception {
        CognitoIdentityClient cognito = p.client(CognitoIdentityClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> cognito.createIdentityPool(r -> {
            settings.accept(r);
            r.identityPoolName(name).identityPoolTags(p.tags());
        }).identityPoolId());
    }

    @Override
    public String type() {
        return "Cognito identity pool";
    }

    @Override
    public List<String> actions() {
        return List.of("cognito-identity:CreateIdentityPool", "cognito-identity:TagResource",
                "cognito-identity:DeleteIdentityPool");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("cognito-identity:ListIdentityPools");
    }

    @Override
    public void delete(Teardown env, String idOrArn) {
        String id = canonicalId(idOrArn);
        env.target().client(CognitoIdentityClient.class).deleteIdentityPool(r -> r.identityPoolId(id));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "cognito-identity", "identitypool");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(CognitoIdentityClient.class).listIdentityPoolsPaginator(r -> r.maxResults(PAGE)).identityPools()
                .stream().flatMap(p -> runs.runOf(p.identityPoolName()).map(run -> new Found(run, p.identityPoolId())).stream())
                .toList();
    }
}
