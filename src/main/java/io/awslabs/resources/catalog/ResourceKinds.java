package io.awslabs.resources.catalog;

import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.acm.AcmCertificate;
import io.awslabs.resources.cloudfront.Distribution;
import io.awslabs.resources.cloudfront.OriginAccessControl;
import io.awslabs.resources.cloudfront.OriginAccessIdentity;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.iam.IamRole;
import io.awslabs.resources.iam.InstanceProfile;
import io.awslabs.resources.iam.InstanceProfileRole;
import io.awslabs.resources.iam.RolePolicyAttachment;
import io.awslabs.resources.kinesis.KinesisStream;
import io.awslabs.resources.kms.KmsAlias;
import io.awslabs.resources.kms.KmsKey;
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
 * its security group and instance profile, a role's attachments before the role, records before
 * their zone, a policy before its bucket), KMS keys last. A lab that brings a new AWS type adds
 * its kind here (a test fails for a kind that is not listed).
 */
public final class ResourceKinds {
    public static final List<ResourceKind> ALL = List.of(
            Distribution.KIND,
            Ec2Instance.KIND,
            InstanceProfileRole.KIND,
            InstanceProfile.KIND,
            RolePolicyAttachment.KIND,
            IamRole.KIND,
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
