package io.awslabs.policy;

import java.util.Map;
import java.util.Optional;

/**
 * Why a run without an action can go undenied on moto although AWS needs it. A removal run that
 * is not denied is SKIPPED with this reason, and only then: a removal that is denied passes, and
 * one with no reason here fails, which says the policy holds an action nothing needs.
 */
final class WhyMotoCannotShow {
    private static final String ONE_ACTION_PER_REQUEST = "moto authorizes a request as its own action only "
            + "(moto/core/responses.py _authenticate_and_authorize_action), so ";
    private static final String TAG_ON_CREATE = ONE_ACTION_PER_REQUEST + "the run's tags, sent with the create call, are "
            + "never checked as this tagging action; AWS authorizes tags given at creation as the tagging action too "
            + "(EC2: docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html, ECS: "
            + "docs.aws.amazon.com/AmazonECS/latest/developerguide/supported-iam-actions-tagging.html, SQS: "
            + "docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html, IAM: "
            + "docs.aws.amazon.com/IAM/latest/UserGuide/id_tags_roles.html)";
    private static final String ROLE_TEARDOWN = "a role's teardown first removes what is attached to it (inline and "
            + "managed policies, instance profiles), each only when the role has one; this lab's roles have none of "
            + "this kind on moto";

    /** Whatever the lab. */
    private static final Map<String, String> ANY_LAB = Map.ofEntries(
            Map.entry("ec2:CreateTags", TAG_ON_CREATE),
            Map.entry("elasticloadbalancing:AddTags", TAG_ON_CREATE),
            Map.entry("ecs:TagResource", TAG_ON_CREATE),
            Map.entry("iam:TagRole", TAG_ON_CREATE),
            Map.entry("iam:TagInstanceProfile", TAG_ON_CREATE),
            Map.entry("acm:AddTagsToCertificate", TAG_ON_CREATE),
            Map.entry("sqs:TagQueue", TAG_ON_CREATE),
            Map.entry("ssm:AddTagsToResource", TAG_ON_CREATE),
            Map.entry("cloudfront:TagResource", TAG_ON_CREATE),
            Map.entry("cognito-idp:TagResource", TAG_ON_CREATE),
            Map.entry("cognito-identity:TagResource", TAG_ON_CREATE),
            Map.entry("ds:AddTagsToResource", TAG_ON_CREATE),
            Map.entry("wafv2:TagResource", TAG_ON_CREATE),
            Map.entry("kms:TagResource", TAG_ON_CREATE),
            Map.entry("iam:PassRole", ONE_ACTION_PER_REQUEST + "passing a role to a service (an instance profile to "
                    + "RunInstances, roles to an identity pool or a task) is never checked; AWS checks iam:PassRole then "
                    + "(docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html)"),
            Map.entry("iam:CreateServiceLinkedRole", "AWS creates a service's linked role with the caller's "
                    + "permissions the first time the service needs it (docs.aws.amazon.com/IAM/latest/UserGuide/"
                    + "using-service-linked-roles.html); moto creates none"),
            Map.entry("elasticloadbalancing:SetWebAcl", ONE_ACTION_PER_REQUEST + "wafv2:AssociateWebACL is never "
                    + "checked as the load balancer's own action; AWS requires elasticloadbalancing:SetWebAcl for an "
                    + "Application Load Balancer (docs.aws.amazon.com/waf/latest/APIReference/API_AssociateWebACL.html)"),
            Map.entry("sts:GetCallerIdentity", "moto lets every caller ask who it is (moto/iam/access_control.py "
                    + "check_action_permitted), as AWS does; the policy grants it for the account guard"),
            Map.entry("iam:ListAccountAliases", "only the aws target's account guard calls it"),
            Map.entry("kms:RotateKeyOnDemand", "moto lacks the call: the lab's declared gap skips the assertion before "
                    + "it is made"),
            Map.entry("s3:DeleteObjectVersion", "a bucket's teardown deletes object versions only when the bucket "
                    + "keeps versions; this lab's bucket is not versioned"),
            Map.entry("ec2:DeleteSecurityGroup", "a VPC's teardown deletes the security groups left in it besides its "
                    + "default one (a service's, or one a crash left); this lab leaves none on moto"),
            Map.entry("iam:DeleteRolePolicy", ROLE_TEARDOWN),
            Map.entry("iam:DetachRolePolicy", ROLE_TEARDOWN),
            Map.entry("iam:RemoveRoleFromInstanceProfile", ROLE_TEARDOWN),
            Map.entry("organizations:DescribePolicy", "asked only when a policy's deletion fails, to tell whether the "
                    + "lab deleted it already"));

    private static final String DIRECTORY_NETWORK = ONE_ACTION_PER_REQUEST + "ds:CreateDirectory makes no security "
            + "group or network interface on moto; on AWS the directory's are made with the caller's permissions "
            + "(docs.aws.amazon.com/directoryservice/latest/admin-guide/UsingWithDS_IAM_ResourcePermissions.html)";
    private static final String REACHABILITY = "only the AWS-only assertion peering-not-transitive calls Reachability "
            + "Analyzer, which moto lacks";
    private static final String TASKS = "only the AWS-only assertions about the service's tasks call it (no emulator "
            + "runs containers)";
    private static final String NO_OAI = "moto 5.2.5 has no origin access identity API (moto/cloudfront/responses.py "
            + "serves origin access controls only): the lab's declared gap oai-origin-references-oai";
    private static final String KMS_FOR_S3 = ONE_ACTION_PER_REQUEST + "S3 encrypting with a KMS key is never "
            + "checked as a KMS action; AWS S3 calls KMS with the caller's permissions "
            + "(docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html)";
    private static final String KMS_FOR_SSM = ONE_ACTION_PER_REQUEST + "a SecureString parameter is never checked as "
            + "a KMS action; AWS Systems Manager calls KMS with the caller's permissions "
            + "(docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-access.html)";
    private static final String MEMBER_ACCOUNT = "only the AWS-only assertion scp-denies-member-account acts in the "
            + "member account";

    /** Lab by lab: a path moto does not take ("*": every action of the lab). */
    private static final Map<String, Map<String, String>> BY_LAB = Map.ofEntries(
            Map.entry("vpc-shared-services", Map.of(
                    "ec2:CreateNetworkInsightsPath", REACHABILITY, "ec2:StartNetworkInsightsAnalysis", REACHABILITY,
                    "ec2:DescribeNetworkInsightsAnalyses", REACHABILITY, "ec2:DeleteNetworkInsightsAnalysis", REACHABILITY,
                    "ec2:DeleteNetworkInsightsPath", REACHABILITY)),
            Map.entry("alb-ecs-dynamic-ports", Map.of(
                    "ecs:DescribeContainerInstances", TASKS, "ecs:DescribeTasks", TASKS, "ecs:ListTasks", TASKS,
                    "elasticloadbalancing:DescribeTargetHealth", TASKS)),
            Map.entry("cloudfront-private-origin", Map.of(
                    "cloudfront:CreateCloudFrontOriginAccessIdentity", NO_OAI,
                    "cloudfront:GetCloudFrontOriginAccessIdentity", NO_OAI,
                    "cloudfront:DeleteCloudFrontOriginAccessIdentity", NO_OAI,
                    "cloudfront:ListCloudFrontOriginAccessIdentities", NO_OAI,
                    "s3:GetObject", "the object is read only by unsigned requests on moto (anonymous-s3-get-denied, "
                            + "left out under enforcement) and through the distribution (AWS-only)")),
            Map.entry("cognito-user-and-identity-pools", Map.of(
                    "cognito-identity:SetIdentityPoolRoles", "moto 5.2.5 has no SetIdentityPoolRoles "
                            + "(moto/cognitoidentity/responses.py): the call is answered before any authorization")),
            Map.entry("directory-service-simple-ad", Map.of(
                    "ec2:CreateSecurityGroup", DIRECTORY_NETWORK, "ec2:AuthorizeSecurityGroupIngress", DIRECTORY_NETWORK,
                    "ec2:AuthorizeSecurityGroupEgress", DIRECTORY_NETWORK, "ec2:RevokeSecurityGroupEgress", DIRECTORY_NETWORK,
                    "ec2:CreateNetworkInterface", DIRECTORY_NETWORK, "ec2:DeleteNetworkInterface", DIRECTORY_NETWORK)),
            Map.entry("kinesis-shard-ordering", Map.of(
                    "kinesis:PutRecords", "only the AWS-only assertion throughput-exceeded calls it")),
            Map.entry("organizations-scp-guardrails", Map.of("sts:AssumeRole", MEMBER_ACCOUNT, "acm:ListCertificates", MEMBER_ACCOUNT)),
            Map.entry("s3-default-encryption", Map.of("kms:GenerateDataKey", KMS_FOR_S3, "kms:Decrypt", KMS_FOR_S3)),
            Map.entry("ssm-run-command", Map.of("kms:Encrypt", KMS_FOR_SSM, "kms:Decrypt", KMS_FOR_SSM)),
            Map.entry("s3-presigned-upload", Map.of("s3:GetObject", "only presigned (unsigned) requests read the object, left out "
                    + "under enforcement")),
            Map.entry("ec2-placement-groups", Map.of("*", "moto has no placement group API, which the lab needs: it is SKIPPED "
                    + "before it creates anything, and only the sweep calls anything")));

    private WhyMotoCannotShow() { }

    static Optional<String> forRemoving(String lab, String action) {
        Map<String, String> ofLab = BY_LAB.getOrDefault(lab, Map.of());
        return Optional.ofNullable(ofLab.getOrDefault(action, ofLab.getOrDefault("*", ANY_LAB.get(action))));
    }
}
