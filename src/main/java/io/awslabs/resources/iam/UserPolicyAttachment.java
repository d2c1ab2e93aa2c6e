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
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

/** A managed policy attached to a lab user: detached before the user or the policy can go. */
public final class UserPolicyAttachment implements ResourceKind {
    public static final UserPolicyAttachment KIND = new UserPolicyAttachment();

    /** Which policy is attached to which user. */
    public record Attached(String user, String policyArn) { }

    private UserPolicyAttachment() { }

    public static Attached attach(Provisioning p, String user, String policyArn) throws Exception {
        IamClient iam = p.client(IamClient.class);
        return p.create(KIND, () -> {
            iam.attachUserPolicy(r -> r.userName(user).policyArn(policyArn));
            return new Attached(user, policyArn);
        }, Relation::idOf);
    }

    @Override
    public String type() {
        return "IAM user policy attachment";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:AttachUserPolicy", "iam:DetachUserPolicy");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListUsers", "iam:ListAttachedUserPolicies");
    }

    @Override
    public void delete(Teardown env, String id) {
        Attached a = Relation.parse(id, Attached.class);
        env.target().client(IamClient.class).detachUserPolicy(r -> r.userName(a.user()).policyArn(a.policyArn()));
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
            for (AttachedPolicy policy : iam.listAttachedUserPoliciesPaginator(r -> r.userName(user.id())).attachedPolicies()) {
                found.add(new Found(user.runId(), Relation.idOf(new Attached(user.id(), policy.policyArn()))));
            }
        }
        return found;
    }
}
