package io.awslabs.targets;

import io.awslabs.text.Said;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

/** Opens a target from what the user asked for. */
public final class Targets {
    private Targets() { }

    /** {@code localstackImage}: another LocalStack image than the pinned one (needs Docker), or null. */
    public record Request(TargetKind kind, URI endpointUrl, String region, boolean verbose, String localstackImage) {
        public Request(TargetKind kind, URI endpointUrl, String region, boolean verbose) {
            this(kind, endpointUrl, region, verbose, null);
        }
    }

    public static Target open(Request request, Consumer<Said> progress) {
        return open(request, AwsTarget.Options.defaults(), progress);
    }

    /** {@code aws} applies to {@code --target aws} only: profile, allow-listed accounts, alias override. */
    public static Target open(Request request, AwsTarget.Options aws, Consumer<Said> progress) {
        return switch (request.kind()) {
            case MOTO -> {
                MotoServer moto = MotoServer.start(progress, request.verbose());
                yield new EmulatorTarget(TargetKind.MOTO, Optional.of(EmulatorIdentity.moto(MotoServer.VERSION)),
                        moto.endpoint(), request.region(), moto.startMillis(), moto);
            }
            case ENDPOINT -> {
                URI endpoint = endpointOf(request);
                requireReachable(endpoint);
                yield endpointTarget(endpoint, request.region(), progress);
            }
            case LOCALSTACK -> {
                LocalStack.Running localstack = LocalStack.start(request.localstackImage(), request.verbose(), progress);
                yield LocalStack.target(localstack, request.region(), localstack);
            }
            case AWS -> AwsTarget.open(request.region(), aws, UserConfig.load(), progress);
        };
    }

    /**
     * An emulator someone else runs. Which one it is decides which declared gaps apply and which
     * services it lacks; an endpoint that does not say keeps every outcome as it is.
     */
    public static Target endpointTarget(URI endpoint, String region, Consumer<Said> progress) {
        Optional<EmulatorIdentity> identity = EmulatorProbe.identify(endpoint);
        progress.accept(identity.map(id -> TargetWords.phrase("endpoint.identified", endpoint, id.describe()))
                .orElse(TargetWords.phrase("endpoint.unidentified", endpoint)));
        return new EmulatorTarget(TargetKind.ENDPOINT, identity, endpoint, region, 0, () -> { });
    }

    private static URI endpointOf(Request request) {
        if (request.endpointUrl() != null) {
            return request.endpointUrl();
        }
        String env = System.getenv("AWS_ENDPOINT_URL");
        if (env == null || env.isBlank()) {
            throw EnvironmentException.of("noEndpoint");
        }
        return URI.create(env);
    }

    static void requireReachable(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : ("https".equals(endpoint.getScheme()) ? 443 : 80);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 3000);
        } catch (IOException | IllegalArgumentException e) {
            throw EnvironmentException.of("endpointUnreachable", endpoint, e.getMessage());
        }
    }
}
