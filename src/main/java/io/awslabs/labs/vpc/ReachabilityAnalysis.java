package io.awslabs.labs.vpc;

import io.awslabs.lab.LabContext;
import io.awslabs.resources.ec2.NetworkInsightsPath;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AnalysisStatus;
import software.amazon.awssdk.services.ec2.model.Explanation;
import software.amazon.awssdk.services.ec2.model.NetworkInsightsAnalysis;

/**
 * One Reachability Analyzer verdict between two network interfaces: AWS reasons over the route
 * tables, security groups, network ACLs and gateways in between without sending a packet, and
 * says whether a path exists and, if not, what stops it. Each analysis is billed ($0.10).
 */
record ReachabilityAnalysis(String pathId, String analysisId, AnalysisStatus status, Boolean pathFound,
                            List<String> explanationCodes) {
    private static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration POLL_EVERY = Duration.ofSeconds(10);

    /** Analyses TCP {@code port} from {@code sourceEni} to {@code destinationEni}, waiting for the verdict. */
    static ReachabilityAnalysis between(LabContext ctx, String sourceEni, String destinationEni, int port, String suffix)
            throws Exception {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        String path = NetworkInsightsPath.create(ctx, sourceEni, destinationEni, port, suffix);
        String analysisId = ec2.startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(path))
                .networkInsightsAnalysis().networkInsightsAnalysisId();
        NetworkInsightsAnalysis done = ctx.waits().until(ctx.words("wait.analysis", suffix), ANALYSIS_TIMEOUT,
                POLL_EVERY, () -> ec2.describeNetworkInsightsAnalyses(r -> r.networkInsightsAnalysisIds(analysisId))
                        .networkInsightsAnalyses().get(0),
                a -> a.status() != AnalysisStatus.RUNNING, a -> String.valueOf(a.status()));
        return new ReachabilityAnalysis(path, analysisId, done.status(), done.networkPathFound(),
                done.explanations().stream().map(Explanation::explanationCode).distinct().toList());
    }
}
