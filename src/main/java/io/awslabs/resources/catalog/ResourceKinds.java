package io.awslabs.resources.catalog;

import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.acm.AcmCertificate;
import io.awslabs.resources.cloudfront.Distribution;
import io.awslabs.resources.cloudfront.OriginAccessControl;
import io.awslabs.resources.cloudfront.OriginAccessIdentity;
import io.awslabs.resources.cognito.IdentityPool;
import io.awslabs.resources.cognito.UserPool;
import io.awslabs.resources.cognito.UserPoolClient;
import io.awslabs.resources.ds.Directory;
import io.awslabs.resources.ec2.EbsVolume;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.ElasticIp;
import io.awslabs.resources.ec2.InternetGateway;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.VolumeAttachment;
import io.awslabs.resources.ec2.Vpc;
import io.awslabs.resources.iam.AccessKey;
import io.awslabs.resources.iam.IamRole;
import io.awslabs.resources.iam.IamUser;
import io.awslabs.resources.iam.InstanceProfile;
import io.awslabs.resources.iam.InstanceProfileRole;
import io.awslabs.resources.iam.ManagedPolicy;
import io.awslabs.resources.iam.RoleInlinePolicy;
import io.awslabs.resources.iam.RolePolicyAttachment;
import io.awslabs.resources.kinesis.KinesisStream;
import io.awslabs.resources.iam.UserInlinePolicy;
import io.awslabs.resources.iam.UserPolicyAttachment;
import io.awslabs.resources.kms.KmsAlias;
import io.awslabs.resources.kms.KmsKey;
import io.awslabs.resources.organizations.AccountMove;
import io.awslabs.resources.organizations.Organization;
import io.awslabs.resources.organizations.OrganizationalUnit;
import io.awslabs.resources.organizations.PolicyAttachment;
import io.awslabs.resources.organizations.PolicyTypeEnabled;
import io.awslabs.resources.organizations.ServiceControlPolicy;
import io.awslabs.resources.route53.HostedZone;
import io.awslabs.resources.route53.RecordSets;
import io.awslabs.resources.s3.S3Bucket;
import io.awslabs.resources.s3.S3BucketPolicy;
import io.awslabs.resources.sqs.SqsQueue;
import io.awslabs.resources.ssm.SsmParameter;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;

/**
 * Every resource kind, in the order a sweep deletes in when no journal says otherwise: what
 * depends on others first (a distribution before its origin access control, an instance before
 * its security group and instance profile, a volume's attachment before the instance and the
 * instance before its volumes (its root volume goes with it), a role's attachments before the role, a user's keys and
 * policies before the user, accounts moved out of an OU before the OU, an organization's policies
 * and OUs before it, a directory before its subnets and their VPC, records before their zone, a
 * policy before its bucket), KMS keys last. A lab that brings a new AWS type adds
 * its kind here (a test fails for a kind that is not listed).
 */
public final class ResourceKinds {
    public static final List<ResourceKind> ALL = List.of(
            Distribution.KIND,
            ElasticIp.KIND,
            VolumeAttachment.KIND,
            Ec2Instance.KIND,
            EbsVolume.KIND,
            InternetGateway.KIND,
            Directory.KIND,
            IdentityPool.KIND,
            UserPoolClient.KIND,
            UserPool.KIND,
            AccountMove.KIND,
            PolicyAttachment.KIND,
            ServiceControlPolicy.KIND,
            PolicyTypeEnabled.KIND,
            OrganizationalUnit.KIND,
            Organization.KIND,
            InstanceProfileRole.KIND,
            InstanceProfile.KIND,
            RolePolicyAttachment.KIND,
            RoleInlinePolicy.KIND,
            IamRole.KIND,
            AccessKey.KIND,
            UserInlinePolicy.KIND,
            UserPolicyAttachment.KIND,
            IamUser.KIND,
            ManagedPolicy.KIND,
            SsmParameter.KIND,
            SqsQueue.KIND,
            KinesisStream.KIND,
            AcmCertificate.KIND,
            RecordSets.KIND,
            HostedZone.KIND,
            S3BucketPolicy.KIND,
            S3Bucket.KIND,
            OriginAccessControl.KIND,
            OriginAccessIdentity.KIND,
            SecurityGroup.KIND,
            Subnet.KIND,
            Vpc.KIND,
            KmsAlias.KIND,
            KmsKey.KIND);

    private ResourceKinds() { }

    /** The kind of a type name from a journal. */
    public static Optional<ResourceKind> forType(String type) {
        return ALL.stream().filter(k -> k.type().equals(type)).findFirst();
    }

    /** The kind of an ARN returned by the tagging API. */
    public static Optional<ResourceKind> forArn(String arn) {
        Arn parsed = Arn.fromString(arn);
        return ALL.stream().filter(k -> k.owns(parsed)).findFirst();
    }
}
