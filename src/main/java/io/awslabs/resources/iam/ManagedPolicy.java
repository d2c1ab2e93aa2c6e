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
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * A customer managed policy, recorded by its ARN. IAM deletes a policy only once it is attached
 * to nothing and has no version but its default, so deleting detaches it and removes the other
 * versions first. The tagging API does not list IAM policies: their name finds them.
 */
public final class ManagedPolicy implements ResourceKind {
    public static final ManagedPolicy KIND = new ManagedPolicy();

    private ManagedPolicy() { }

    /** Creates {@code labs-<lab>-<run>-<suffix>} with this document, tagged; returns its ARN. */
    public static String create(Provisioning p, String suffix, String document, String description) throws Exception {
        IamClient iam = p.client(IamClient.class);
        String name = p.name(suffix);
        return p.create(KIND, () -> iam.createPolicy(r -> r.policyName(name).policyDocument(document).description(description)
                .tags(p.tags((k, v) -> Tag.builder().key(k).value(v).build()))).policy().arn());
    }

    @Override
    public String type() {
        return "IAM managed policy";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:CreatePolicy", "iam:TagPolicy", "iam:ListEntitiesForPolicy", "iam:DetachGroupPolicy",
                "iam:DetachRolePolicy", "iam:DetachUserPolicy", "iam:ListPolicyVersions", "iam:DeletePolicyVersion",
                "iam:DeletePolicy");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListPolicies");
    }

    @Override
    public void delete(Teardown env, String arn) {
        IamClient iam = env.target().client(IamClient.class);
        ListEntitiesForPolicyResponse entities = iam.listEntitiesForPolicy(r -> r.policyArn(arn));
        entities.policyUsers().forEach(u -> iam.detachUserPolicy(r -> r.userName(u.userName()).policyArn(arn)));
        entities.policyRoles().forEach(role -> iam.detachRolePolicy(r -> r.roleName(role.roleName()).policyArn(arn)));
        entities.policyGroups().forEach(g -> iam.detachGroupPolicy(r -> r.groupName(g.groupName()).policyArn(arn)));
        for (PolicyVersion version : iam.listPolicyVersions(r -> r.policyArn(arn)).versions()) {
            if (!version.isDefaultVersion()) {
                iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(version.versionId()));
            }
        }
        iam.deletePolicy(r -> r.policyArn(arn));
    }

    /** The ARN is the id in the journal, in the sweep and in the listing alike. */
    @Override
    public String canonicalId(String arn) {
        return arn;
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "iam", "policy");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(IamClient.class).listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL)).policies().stream()
                .flatMap(policy -> runs.runOf(policy.policyName()).map(run -> new Found(run, policy.arn())).stream())
                .toList();
    }
}
