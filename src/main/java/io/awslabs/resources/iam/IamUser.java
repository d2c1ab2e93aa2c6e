package io.awslabs.resources.iam;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * An IAM user, recorded by its name. IAM refuses to delete a user that still has access keys,
 * policies, group memberships or a console password (DeleteConflict), so deleting removes those
 * first. The tagging API does not list IAM users: their name finds them.
 */
public final class IamUser implements ResourceKind {
    public static final IamUser KIND = new IamUser();

    /** A lab user: its name and ARN. */
    public record Handle(String name, String arn) { }

    private IamUser() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>}, tagged, with no permissions at all. */
    public static Handle create(Provisioning p, String suffix) throws Exception {
        IamClient iam = p.client(IamClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> new Handle(name, iam.createUser(r -> r.userName(name)
                .tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()))).user().arn()), Handle::name);
    }

    @Override
    public String type() {
        return "IAM user";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:CreateUser", "iam:TagUser", "iam:DeleteUser", "iam:ListAccessKeys", "iam:DeleteAccessKey",
                "iam:DeleteLoginProfile", "iam:ListUserPolicies", "iam:DeleteUserPolicy",
                "iam:ListAttachedUserPolicies", "iam:DetachUserPolicy", "iam:ListGroupsForUser",
                "iam:RemoveUserFromGroup");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListUsers");
    }

    @Override
    public void delete(Teardown env, String idOrArn) {
        IamClient iam = env.target().client(IamClient.class);
        String user = canonicalId(idOrArn);
        for (AccessKeyMetadata key : iam.listAccessKeysPaginator(r -> r.userName(user)).accessKeyMetadata()) {
            iam.deleteAccessKey(r -> r.userName(user).accessKeyId(key.accessKeyId()));
        }
        for (String inline : iam.listUserPoliciesPaginator(r -> r.userName(user)).policyNames()) {
            iam.deleteUserPolicy(r -> r.userName(user).policyName(inline));
        }
        for (AttachedPolicy policy : iam.listAttachedUserPoliciesPaginator(r -> r.userName(user)).attachedPolicies()) {
            iam.detachUserPolicy(r -> r.userName(user).policyArn(policy.policyArn()));
        }
        for (Group group : iam.listGroupsForUserPaginator(r -> r.userName(user)).groups()) {
            iam.removeUserFromGroup(r -> r.userName(user).groupName(group.groupName()));
        }
        try {
            iam.deleteLoginProfile(r -> r.userName(user));
        } catch (NoSuchEntityException noConsolePassword) {
            // the usual case: lab users only ever have access keys
        }
        iam.deleteUser(r -> r.userName(user));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "iam", "user");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(IamClient.class).listUsersPaginator().users().stream()
                .flatMap(u -> runs.runOf(u.userName()).map(run -> new Found(run, u.userName())).stream())
                .toList();
    }
}
