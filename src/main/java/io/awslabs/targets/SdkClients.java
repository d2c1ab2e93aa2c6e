package io.awslabs.targets;

import io.awslabs.awscli.CliEquivalents;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds and caches SDK clients for one target: endpoint override (emulators), region,
 * credentials, the standard retry mode, S3 path-style addressing, and the API timer. Works for
 * any service client through its static {@code builder()}, so a new lab needs no change here.
 */
public final class SdkClients implements AutoCloseable {
    static {
        speakJsonToKinesis();
    }

    private final Optional<URI> endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final ApiTimer timer = new ApiTimer();
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(60))
            .build();
    private final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();
    private final Map<String, SdkClient> inOtherRegions = new ConcurrentHashMap<>();
    private volatile S3Presigner presigner;

    public SdkClients(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    public <T extends SdkClient> T client(Class<T> type) {
        return type.cast(clients.computeIfAbsent(type, this::build));
    }

    /** A client of this target in {@code otherRegion}, built on first use and reused like the others. */
    public <T extends SdkClient> T client(Class<T> type, Region otherRegion) {
        if (otherRegion.equals(region)) {
            return client(type);
        }
        return type.cast(inOtherRegions.computeIfAbsent(otherRegion.id() + " " + type.getName(), k -> build(type, otherRegion)));
    }

    public synchronized S3Presigner s3Presigner() {
        if (presigner == null) {
            S3Presigner.Builder builder = S3Presigner.builder()
                    .region(region)
                    .credentialsProvider(credentials)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build());
            endpoint.ifPresent(builder::endpointOverride);
            presigner = builder.build();
        }
        return presigner;
    }

    public ApiTimer timer() {
        return timer;
    }

    private SdkClient build(Class<?> type) {
        return build(type, region);
    }

    private SdkClient build(Class<?> type, Region region) {
        AwsClientBuilder<?, ?> builder = builderFor(type);
        builder.region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .addExecutionInterceptor(CallGate.INSTANCE)
                        .addExecutionInterceptor(timer)
                        .addExecutionInterceptor(new CliEquivalents(endpoint))
                        .build());
        endpoint.ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        if (type == S3Client.class) {
            ((software.amazon.awssdk.services.s3.S3ClientBuilder) builder)
                    .forcePathStyle(endpoint.isPresent());
        }
        return (SdkClient) builder.build();
    }

    /**
     * The SDK sends Kinesis calls as CBOR unless told otherwise; moto 5.2.5 reads only JSON (its
     * source has no CBOR decoder) and answers every such call with a 500. AWS and LocalStack read
     * the JSON form of the same protocol too, so JSON is the default here; a user's own setting of
     * {@code aws.cborEnabled} or {@code AWS_CBOR_ENABLED} stays as it is.
     */
    private static void speakJsonToKinesis() {
        if (System.getProperty(SdkSystemSetting.CBOR_ENABLED.property()) == null
                && System.getenv(SdkSystemSetting.CBOR_ENABLED.environmentVariable()) == null) {
            System.setProperty(SdkSystemSetting.CBOR_ENABLED.property(), "false");
        }
    }

    private static AwsClientBuilder<?, ?> builderFor(Class<?> type) {
        try {
            return (AwsClientBuilder<?, ?>) type.getMethod("builder").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalArgumentException(type.getName() + " is not an AWS SDK client interface", e);
        }
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        inOtherRegions.values().forEach(SdkClient::close);
        inOtherRegions.clear();
        if (presigner != null) {
            presigner.close();
        }
        http.close();
    }
}
