package io.awslabs.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awslabs.lab.Lab;
import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabInfo;
import io.awslabs.resources.IamActions;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.catalog.ResourceKinds;
import io.awslabs.resources.kms.KmsAlias;
import io.awslabs.resources.kms.KmsKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabPolicyTest {

    private static LabInfo lab(String id) {
        return new LabCatalog().find(id).orElseThrow().info();
    }

    @Test
    void aLabNeedsItsOwnCallsItsKindsActionsAndSweepsTheGuardAndTheTagSweep() {
        LabInfo info = LabInfo.of("demo", "Demo").provisions(KmsKey.KIND, KmsAlias.KIND).calls("kms:Encrypt");

        assertThat(List.copyOf(LabPolicy.actionsOf(info))).contains("kms:Encrypt", "kms:CreateKey", "kms:TagResource",
                "kms:ScheduleKeyDeletion", "kms:ListKeys", "kms:CreateAlias", "kms:ListAliases",
                "sts:GetCallerIdentity", "iam:ListAccountAliases", "tag:GetResources").isSorted();
    }

    @Test
    void anActionThatIsNotServiceColonActionIsRefusedWhereTheLabDeclaresIt() {
        for (String wrong : List.of("s3 PutObject", "s3:*", "S3:PutObject", "s3:putObject", "sts:AssumeRole (member)", "")) {
            assertThatThrownBy(() -> LabInfo.of("demo", "Demo").calls(wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service:Action");
        }
        assertThat(LabInfo.of("demo", "Demo").calls("cognito-idp:AdminGetUser").calls()).containsExactly("cognito-idp:AdminGetUser");
    }

    @Test
    void everyKindDeclaresWellFormedActionsForWhatItCreatesAndDeletes() {
        for (ResourceKind kind : ResourceKinds.ALL) {
            assertThat(kind.actions()).as(kind.type()).isNotEmpty().doesNotHaveDuplicates();
            IamActions.checked(kind.actions());
            IamActions.checked(kind.sweepActions());
        }
    }

    @Test
    void everyLabDeclaresTheKindsItProvisionsAndAPolicyOfWellFormedActions() {
        for (Lab lab : new LabCatalog().all()) {
            LabInfo info = lab.info();
            assertThat(info.provisions()).as(info.id()).isNotEmpty();
            assertThat(LabPolicy.actionsOf(info)).as(info.id()).allSatisfy(IamActions::checked);
        }
    }

    /** What enforcement on moto found missing from the hand-written lists these replace. */
    @Test
    void theActionsEnforcementFoundMissingAreThere() {
        assertThat(LabPolicy.actionsOf(lab("acm-certificate"))).contains("route53:GetHostedZone");
        assertThat(LabPolicy.actionsOf(lab("alb-ecs-dynamic-ports"))).contains("iam:GetInstanceProfile");
        assertThat(LabPolicy.actionsOf(lab("ssm-run-command")))
                .contains("iam:ListRolePolicies", "iam:ListInstanceProfilesForRole");
        assertThat(LabPolicy.actionsOf(lab("s3-default-encryption"))).contains("s3:DeleteBucketPolicy", "s3:GetBucketPolicy");
        assertThat(LabPolicy.actionsOf(lab("cloudfront-private-origin")))
                .contains("cloudfront:GetDistributionConfig", "cloudfront:UpdateDistribution");
    }

    /**
     * Cognito authorizes these by the user's own token or lets anyone call them (the
     * "unauthenticated" APIs of the cognito-idp and cognito-identity service authorization
     * references): an IAM policy naming them grants nothing.
     */
    @Test
    void cognitoCallsAuthorizedByTheUsersTokenAreNotInThePolicy() {
        assertThat(LabPolicy.actionsOf(lab("cognito-user-and-identity-pools"))).doesNotContainAnyElementsOf(Set.of(
                "cognito-idp:SignUp", "cognito-idp:InitiateAuth", "cognito-idp:GetUser", "cognito-idp:GlobalSignOut",
                "cognito-identity:GetId", "cognito-identity:GetCredentialsForIdentity"))
                .contains("cognito-idp:AdminConfirmSignUp", "cognito-identity:SetIdentityPoolRoles", "iam:PassRole");
    }
}
