package io.awslabs.resources.ec2;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.Teardown;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;
import software.amazon.awssdk.services.ec2.model.Protocol;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * A Reachability Analyzer path between two network interfaces, tagged at creation; its analyses
 * are deleted with it (they are left untagged, so the tag sweep sees only the path). Only AWS has
 * Reachability Analyzer, so the tag sweep is how cleanup finds a leftover path.
 */
public final class NetworkInsightsPath implements ResourceKind {
    public static final NetworkInsightsPath KIND = new NetworkInsightsPath();

    private NetworkInsightsPath() { }

    /** A TCP path from one network interface to another's {@code port}; returns its id. */
    public static String create(Provisioning p, String sourceEni, String destinationEni, int port, String suffix)
            throws Exception {
        Ec2Client ec2 = p.client(Ec2Client.class);
        return p.create(KIND, () -> ec2.createNetworkInsightsPath(r -> r.source(sourceEni).destination(destinationEni)
                        .protocol(Protocol.TCP).destinationPort(port)
                        .tagSpecifications(Ec2Tags.of(p, ResourceType.NETWORK_INSIGHTS_PATH, p.name(suffix))))
                .networkInsightsPath().networkInsightsPathId());
    }

    @Override
    public String type() {
        return "EC2 Reachability Analyzer path";
    }

    @Override
    public List<String> actions() {
        return List.of("ec2:CreateNetworkInsightsPath", "ec2:CreateTags", "ec2:DeleteNetworkInsightsAnalysis",
                "ec2:DeleteNetworkInsightsPath", "ec2:DescribeNetworkInsightsAnalyses");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        Ec2Client ec2 = env.target().client(Ec2Client.class);
        String id = canonicalId(idOrArn);
        for (NetworkInsightsAnalysis analysis : ec2.describeNetworkInsightsAnalysesPaginator(r -> r
                .networkInsightsPathId(id)).networkInsightsAnalyses()) {
            ec2.deleteNetworkInsightsAnalysis(r -> r.networkInsightsAnalysisId(analysis.networkInsightsAnalysisId()));
        }
        ec2.deleteNetworkInsightsPath(r -> r.networkInsightsPathId(id));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "ec2", "network-insights-path");
    }
}
