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
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * A Cognito user pool, recorded by its id ({@code us-east-1_AbC123}). Deleting it deletes its
 * users and app clients with it; deletion protection stays off, as it is by default.
 */
public final class UserPool implements ResourceKind {
    public static final UserPool KIND = new UserPool();
    /** ListUserPools requires a page size; 60 is the most it allows. */
    static final int PAGE = 60;

    /** A lab user pool: its id, ARN and name. */
    public record Handle(String id, String arn, String name) { }

    private UserPool() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>}, tagged, configured by {@code settings}. */
    public static Handle create(Provisioning p, String suffix, Consumer<CreateUserPoolRequest.Builder> settings) throws Exception {
        CognitoIdentityProviderClient cognito = p.client(CognitoIdentityProviderClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> {
            UserPoolType pool = cognito.createUserPool(r -> {
                settings.accept(r);
                r.poolName(name).userPoolTags(p.tags());
            }).userPool();
            return new Handle(pool.id(), pool.arn(), name);
        }, Handle::id);
    }

    @Override
    public String type() {
        return "Cognito user pool";
    }

    @Override
    public List<String> actions() {
        return List.of("cognito-idp:CreateUserPool", "cognito-idp:TagResource", "cognito-idp:DeleteUserPool");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("cognito-idp:ListUserPools");
    }

    @Override
    public void delete(Teardown env, String idOrArn) {
        String id = canonicalId(idOrArn);
        env.target().client(CognitoIdentityProviderClient.class).deleteUserPool(r -> r.userPoolId(id));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "cognito-idp", "userpool");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(CognitoIdentityProviderClient.class).listUserPoolsPaginator(r -> r.maxResults(PAGE)).userPools()
                .stream().flatMap(p -> runs.runOf(p.name()).map(run -> new Found(run, p.id())).stream())
                .toList();
    }
}
