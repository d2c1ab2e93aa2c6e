package io.awslabs.resources.cloudfront;

import io.awslabs.resources.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.DeleteDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.DeleteDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;

/**
 * CloudFront's distribution life cycle as its API reference states it, for unit tests of
 * teardown: every config change gets a new ETag and is InProgress until it has propagated (a
 * fixed time on the test's clock), then Deployed; a delete needs a disabled, Deployed distribution and its
 * current ETag, exactly as AWS refuses otherwise (DistributionNotDisabled, PreconditionFailed).
 */
final class FakeCloudFront implements CloudFrontClient {
    static final String RUN_ID = "abc12345";
    private final Map<String, State> distributions = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final FakeClock clock;
    private final Duration propagation;
    private int etags;

    private static final class State {
        boolean enabled = true;
        String status = "Deployed";
        String eTag;
        long deployedAt = Long.MIN_VALUE;
    }

    FakeCloudFront(FakeClock clock, Duration propagation) {
        this.clock = clock;
        this.propagation = propagation;
    }

    FakeCloudFront withDeployedDistribution(String id) {
        State state = new State();
        state.eTag = nextETag();
        distributions.put(id, state);
        return this;
    }

    List<String> calls() { return calls; }
    boolean exists(String id) { return distributions.containsKey(id); }

    @Override
    public GetDistributionConfigResponse getDistributionConfig(GetDistributionConfigRequest request) {
        State state = existing(request.id());
        calls.add("GetDistributionConfig " + request.id());
        return GetDistributionConfigResponse.builder().eTag(state.eTag)
                .distributionConfig(DistributionConfig.builder().callerReference(request.id()).enabled(state.enabled).build())
                .build();
    }

    @Override
    public UpdateDistributionResponse updateDistribution(UpdateDistributionRequest request) {
        State state = existing(request.id());
        calls.add("UpdateDistribution " + request.id() + " enabled=" + request.distributionConfig().enabled()
                + " IfMatch=" + request.ifMatch());
        requireETag(state, request.ifMatch());
        state.enabled = request.distributionConfig().enabled();
        state.status = "InProgress";
        state.deployedAt = clock.nanoTime() + propagation.toNanos();
        state.eTag = nextETag();
        return UpdateDistributionResponse.builder().eTag(state.eTag).build();
    }

    @Override
    public GetDistributionResponse getDistribution(GetDistributionRequest request) {
        State state = existing(request.id());
        if ("InProgress".equals(state.status) && clock.nanoTime() >= state.deployedAt) {
            state.status = "Deployed";
        }
        calls.add("GetDistribution " + request.id() + " -> " + state.status);
        return GetDistributionResponse.builder().eTag(state.eTag)
                .distribution(Distribution.builder().id(request.id()).status(state.status).build()).build();
    }

    /** Every distribution, its comment naming the run the way a lab's does. */
    @Override
    public ListDistributionsResponse listDistributions(ListDistributionsRequest request) {
        calls.add("ListDistributions");
        List<DistributionSummary> items = distributions.entrySet().stream()
                .map(e -> DistributionSummary.builder().id(e.getKey()).enabled(e.getValue().enabled)
                        .comment("labs-cloudfront-private-origin-" + RUN_ID + "-" + e.getKey()).build())
                .toList();
        return ListDistributionsResponse.builder()
                .distributionList(DistributionList.builder().items(items).isTruncated(false).build()).build();
    }

    @Override
    public DeleteDistributionResponse deleteDistribution(DeleteDistributionRequest request) {
        State state = existing(request.id());
        calls.add("DeleteDistribution " + request.id() + " IfMatch=" + request.ifMatch());
        if (state.enabled || !"Deployed".equals(state.status)) {
            throw error(409, "DistributionNotDisabled");
        }
        requireETag(state, request.ifMatch());
        distributions.remove(request.id());
        return DeleteDistributionResponse.builder().build();
    }

    private State existing(String id) {
        State state = distributions.get(id);
        if (state == null) {
            calls.add("NoSuchDistribution " + id);
            throw (NoSuchDistributionException) NoSuchDistributionException.builder().statusCode(404)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchDistribution").build()).build();
        }
        return state;
    }

    private static void requireETag(State state, String ifMatch) {
        if (!state.eTag.equals(ifMatch)) {
            throw error(412, "PreconditionFailed");
        }
    }

    private static CloudFrontException error(int status, String code) {
        return (CloudFrontException) CloudFrontException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).message(code).build();
    }

    private String nextETag() {
        return "E" + (++etags);
    }

    @Override public String serviceName() { return "cloudfront"; }
    @Override public void close() { }
}
