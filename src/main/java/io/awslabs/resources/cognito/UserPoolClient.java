package io.awslabs.resources.cognito;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;

/** An app client of a lab user pool, recorded by pool and client id: what signs users in. */
public final class UserPoolClient implements ResourceKind {
    public static final UserPoolClient KIND = new UserPoolClient();

    /** Which client of which pool. */
    public record Client(String userPoolId, String clientId) { }

    private UserPoolClient() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>} in the pool, configured by {@code settings}. */
    public static Client create(Provisioning p, String userPoolId, String suffix,
                                Consumer<CreateUserPoolClientRequest.Builder> settings) throws Exception {
        CognitoIdentityProviderClient cognito = p.client(CognitoIdentityProviderClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> new Client(userPoolId, cognito.createUserPoolClient(r -> {
            settings.accept(r);
            r.userPoolId(userPoolId).clientName(name);
        }).userPoolClient().clientId()), Relation::idOf);
    }

    @Override
    public String type() {
        return "Cognito user pool client";
    }

    @Override
    public List<String> actions() {
        return List.of("cognito-idp:CreateUserPoolClient", "cognito-idp:DeleteUserPoolClient");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("cognito-idp:ListUserPools", "cognito-idp:ListUserPoolClients");
    }

    @Override
    public void delete(Teardown env, String id) {
        Client c = Relation.parse(id, Client.class);
        env.target().client(CognitoIdentityProviderClient.class)
                .deleteUserPoolClient(r -> r.userPoolId(c.userPoolId()).clientId(c.clientId()));
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        CognitoIdentityProviderClient cognito = target.client(CognitoIdentityProviderClient.class);
        List<Found> found = new ArrayList<>();
        for (Found pool : UserPool.KIND.find(target, runs)) {
            for (UserPoolClientDescription c : cognito.listUserPoolClientsPaginator(r -> r.userPoolId(pool.id())
                    .maxResults(UserPool.PAGE)).userPoolClients()) {
                found.add(new Found(pool.runId(), Relation.idOf(new Client(pool.id(), c.clientId()))));
            }
        }
        return found;
    }
}
