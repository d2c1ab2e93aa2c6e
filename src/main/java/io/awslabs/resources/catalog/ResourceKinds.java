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
import io.awslabs.resources.ec2.CustomerGateway;
import io.awslabs.resources.ec2.EbsVolume;
import io.awslabs.resources.ec2.Ec2Instance;
import io.awslabs.resources.ec2.ElasticIp;
import io.awslabs.resources.ec2.InternetGateway;
import io.awslabs.resources.ec2.NetworkInsightsPath;
import io.awslabs.resources.ec2.NetworkInterface;
import io.awslabs.resources.ec2.PeeringConnection;
import io.awslabs.resources.ec2.Route;
import io.awslabs.resources.ec2.RouteTable;
import io.awslabs.resources.ec2.PlacementGroup;
import io.awslabs.resources.ec2.SecurityGroup;
import io.awslabs.resources.ec2.Subnet;
import io.awslabs.resources.ec2.TransitGateway;
import io.awslabs.resources.ec2.TransitGatewayAttachment;
import io.awslabs.resources.ec2.TransitGatewayRouteTable;
import io.awslabs.resources.ec2.VolumeAttachment;
import io.awslabs.resources.ec2.Vpc;
import io.awslabs.resources.ec2.VpnConnection;
import io.awslabs.resources.ec2.VpnGateway;
import io.awslabs.resources.ec2.VpnGatewayAttachment;
import io.awslabs.resources.ecs.EcsCluster;
import io.awslabs.resources.ecs.EcsService;
import io.awslabs.resources.ecs.EcsTaskDefinition;
import io.awslabs.resources.elbv2.Listener;
import io.awslabs.resources.elbv2.LoadBalancer;
import io.awslabs.resources.elbv2.TargetGroup;
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
 * depends on others first (a distribution before its origin access control, an accelerator's
 * endpoint group and listener before it and before the Elastic IP it routes to, a web ACL's
 * association before the web ACL, an ECS service before the target group its tasks are
 * registered in and before its cluster, a listener before its load balancer and the target groups
 * it forwards to, a load balancer before its subnets, an Elastic IP (disassociated) and a
 * volume's attachment before the instance, an instance before the ECS cluster it joined, its
 * volumes (its root volume goes with it), its security group and instance profile, an internet
 * gateway before its VPC, a role's attachments before the role, a user's keys and
 * policies before the user, accounts moved out of an OU before the OU, an organization's policies
 * and OUs before it, a directory before its subnets and their VPC, routes, peering, VPN and transit
 * gateway pieces before the route tables, subnets and VPCs they use, records before their zone, a
 * policy before its bucket), KMS keys last. A lab that brings a new AWS type adds its kind here (a
 * test fails for a kind that is not listed).
 */
public final class ResourceKinds {
    public static final List<ResourceKind> ALL = List.of(
            Distribution.KIND,
            io.awslabs.resources.globalaccelerator.EndpointGroup.KIND,
            io.awslabs.resources.globalaccelerator.AcceleratorListener.KIND,
            io.awslabs.resources.globalaccelerator.Accelerator.KIND,
            io.awslabs.resources.wafv2.WebAclAssociation.KIND,
            io.awslabs.resources.wafv2.WebAcl.KIND,
            EcsService.KIND,
            Listener.KIND,
            LoadBalancer.KIND,
            TargetGroup.KIND,
            ElasticIp.KIND,
            VolumeAttachment.KIND,
            Ec2Instance.KIND,
            EcsTaskDefinition.KIND,
            EcsCluster.KIND,
            EbsVolume.KIND,
            PlacementGroup.KIND,
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
            io.awslabs.resources.s3.S3PublicAccessOpening.KIND,
            S3Bucket.KIND,
            OriginAccessControl.KIND,
            OriginAccessIdentity.KIND,
            Route.KIND,
            NetworkInsightsPath.KIND,
            NetworkInterface.KIND,
            PeeringConnection.KIND,
            VpnConnection.KIND,
            VpnGatewayAttachment.KIND,
            VpnGateway.KIND,
            CustomerGateway.KIND,
            TransitGatewayRouteTable.KIND,
            TransitGatewayAttachment.KIND,
            TransitGateway.KIND,
            RouteTable.KIND,
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
