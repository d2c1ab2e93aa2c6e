package io.awslabs.resources.iam;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;

/** A policy embedded in a lab user (PutUserPolicy): it has no ARN and lives and dies with the user. */
public final class UserInlinePolicy implements ResourceKind {
    public static final UserInlinePolicy KIND = new UserInlinePolicy();

    /** Which policy of which user. */
    public record Embedded(String user, String policyName) { }

    private UserInlinePolicy() { }

    public static Embedded put(Provisioning p, String user, String policyName, String document) throws Exception {
        IamClient iam = p.client(IamClient.class);
        return p.create(KIND, () -> {
            iam.putUserPolicy(r -> r.userName(user).policyName(policyName).policyDocument(document));
            return new Embedded(user, policyName);
        }, Relation::idOf);
    }

    @Override
    public String type() {
        return "IAM user inline policy";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:PutUserPolicy", "iam:DeleteUserPolicy");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListUsers", "iam:ListUserPolicies");
    }

    @Override
    public void delete(Teardown env, String id) {
        Embedded e = Relation.parse(id, Embedded.class);
        env.target().client(IamClient.class).deleteUserPolicy(r -> r.userName(e.user()).policyName(e.policyName()));
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        IamClient iam = target.client(IamClient.class);
        List<Found> found = new ArrayList<>();
        for (Found user : IamUser.KIND.find(target, runs)) {
            for (String name : iam.listUserPoliciesPaginator(r -> r.userName(user.id())).policyNames()) {
                found.add(new Found(user.runId(), Relation.idOf(new Embedded(user.id(), name))));
            }
        }
        return found;
    }
}
