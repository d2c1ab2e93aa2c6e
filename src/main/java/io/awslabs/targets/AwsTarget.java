package io.awslabs.targets;

import io.awslabs.text.Phrase;
import io.awslabs.text.Said;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileLocation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * A real AWS account, reached with the SDK's default credential chain (optionally a named
 * profile) and region chain. Opening it asks STS who the credentials belong to and refuses,
 * before anything can be created, an account that is not allow-listed or looks like production.
 *
 * <p>No endpoint is set on the clients, so the SDK resolves AWS's own endpoints, unless the
 * user configured one for the SDK ({@code AWS_ENDPOINT_URL}, the {@code aws.endpointUrl} system
 * property, or {@code endpoint_url} in the profile): that is how the tests point this target at
 * a local moto, and it is said on the console whenever it is set.
 */
public final class AwsTarget implements Target {
    private final String region;
    private final String profile;
    private final CallerIdentity identity;
    private final Said allowedBy;
    private final SdkClients clients;

    /** Who the credentials belong to: account, principal ARN, and the account's aliases. */
    public record CallerIdentity(String account, String arn, List<String> aliases) { }

    /** How to reach the account and what may be used: {@code --profile}, {@code --account}, the alias override. */
    public record Options(String profile, List<String> accounts, boolean allowProdAlias) {
        public static Options defaults() {
            return new Options(null, List.of(), false);
        }
    }

    private AwsTarget(String region, String profile, CallerIdentity identity, Said allowedBy, SdkClients clients) {
        this.region = region;
        this.profile = profile;
        this.identity = identity;
        this.allowedBy = allowedBy;
        this.clients = clients;
    }

    /** Resolves credentials and region, identifies the caller, and applies the account guard. */
    public static AwsTarget open(String requestedRegion, Options options, UserConfig config, Consumer<Said> progress) {
        AccountGuard guard = new AccountGuard(options.accounts(), config, options.allowProdAlias());
        // credentials first: without them the region, asked next, is not the problem to report
        requireProfile(options.profile());
        AwsCredentialsProvider credentials = credentials(options.profile());
        requireCredentials(credentials, options.profile());
        Region region = Region.of(resolveRegion(requestedRegion, options.profile()));
        SdkClients clients = new SdkClients(Optional.empty(), region, credentials);
        try {
            configuredEndpoint().ifPresent(url -> progress.accept(TargetWords.phrase("aws.endpointConfigured", url)));
            GetCallerIdentityResponse caller = callerIdentity(clients, options.profile());
            guard.requireAllowListed(caller.account());
            Optional<List<String>> aliases;
            String whyUnreadable = null;
            try {
                aliases = Optional.of(clients.client(IamClient.class).listAccountAliases().accountAliases());
            } catch (AwsServiceException e) {
                aliases = Optional.empty();
                whyUnreadable = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode();
            }
            guard.requireNotProduction(caller.account(), aliases, whyUnreadable);
            CallerIdentity identity = new CallerIdentity(caller.account(), caller.arn(), aliases.orElse(List.of()));
            Said allowedBy = guard.allowedBy(identity.account());
            progress.accept(identity.aliases().isEmpty()
                    ? TargetWords.phrase("aws.account", identity.account(), identity.arn(), region.id(), allowedBy)
                    : TargetWords.phrase("aws.accountAlias", identity.account(), identity.arn(), region.id(),
                            allowedBy, String.join(", ", identity.aliases())));
            return new AwsTarget(region.id(), options.profile(), identity, allowedBy, clients);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    private static AwsCredentialsProvider credentials(String profile) {
        return profile == null
                ? DefaultCredentialsProvider.builder().build()
                : DefaultCredentialsProvider.builder().profileName(profile).build();
    }

    /** {@code --region} if given, else the SDK's region chain (AWS_REGION, the profile's region). */
    public static String resolveRegion(String requested, String profile) {
        if (requested != null) {
            return requested;
        }
        try {
            return (profile == null ? DefaultAwsRegionProviderChain.builder().build()
                    : DefaultAwsRegionProviderChain.builder().profileName(profile).build()).getRegion().id();
        } catch (SdkClientException e) {
            throw profile == null ? EnvironmentException.of("noRegion") : EnvironmentException.of("noRegionForProfile", profile);
        }
    }

    /** A {@code --profile} that is in neither AWS file is named as such, not as "no credentials". */
    private static void requireProfile(String profile) {
        if (profile == null) {
            return;
        }
        Phrase files = EnvironmentException.phrase("profileFiles", ProfileFileLocation.configurationFilePath(),
                ProfileFileLocation.credentialsFilePath());
        boolean exists;
        try {
            exists = ProfileFile.defaultProfileFile().profile(profile).isPresent();
        } catch (SdkException e) {
            throw EnvironmentException.of("profilesUnreadable", files, shorten(firstLine(e.getMessage()))).because(e);
        }
        if (!exists) {
            throw EnvironmentException.of("noProfile", profile, files);
        }
    }

    private static void requireCredentials(AwsCredentialsProvider credentials, String profile) {
        try {
            credentials.resolveCredentials();
        } catch (SdkException e) {
            String why = String.valueOf(e.getMessage());
            boolean none = why.contains("any of the providers in the chain");
            String key = (none ? "noCredentials" : "credentialsUnloadable") + (profile == null ? "" : "ForProfile");
            throw (none ? EnvironmentException.of(key, profile) : EnvironmentException.of(key, shorten(firstLine(why)), profile))
                    .because(e);
        }
    }

    private static GetCallerIdentityResponse callerIdentity(SdkClients clients, String profile) {
        try {
            return clients.client(StsClient.class).getCallerIdentity();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
            throw EnvironmentException.of(profile == null ? "credentialsRefused" : "credentialsRefusedForProfile", code, profile)
                    .because(e);
        } catch (SdkException e) {
            throw EnvironmentException.of("stsUnreachable", shorten(firstLine(e.getMessage()))).because(e);
        }
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    /** The endpoint the SDK takes from its own configuration, if any. */
    static Optional<String> configuredEndpoint() {
        String property = System.getProperty("aws.endpointUrl");
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String env = System.getenv("AWS_ENDPOINT_URL");
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public CallerIdentity identity() {
        return identity;
    }

    /** How the account came to be allowed, by {@code --account} or by the config file, in the reader's language. */
    public Said allowedBy() {
        return allowedBy;
    }

    /** The named profile in use, or null for the default chain. */
    public String profile() {
        return profile;
    }

    @Override public TargetKind kind() { return TargetKind.AWS; }
    @Override public String region() { return region; }
    @Override public Optional<URI> endpoint() { return Optional.empty(); }
    @Override public String accountId() { return identity.account(); }
    @Override public <T extends SdkClient> T client(Class<T> type) { return clients.client(type); }
    @Override public <T extends SdkClient> T client(Class<T> type, String region) { return clients.client(type, Region.of(region)); }
    @Override public S3Presigner s3Presigner() { return clients.s3Presigner(); }
    @Override public ApiTimer apiTimer() { return clients.timer(); }
    @Override public long startMillis() { return 0; }

    @Override
    public boolean changesPropagate() {
        return true;
    }

    @Override
    public Optional<EmulatorIdentity> emulator() {
        return Optional.empty();
    }

    /** AWS decides every request by policy: the run's own account is where. */
    @Override
    public IamEnforcement iamEnforcement() {
        return new IamEnforcement.Enforced("this AWS account", progress -> new IamEnforcement.Enforcing(this, false));
    }

    @Override
    public Target actingAs(AwsCredentialsProvider credentials) {
        return new AwsTarget(region, profile, identity, allowedBy, new SdkClients(Optional.empty(), Region.of(region), credentials));
    }

    @Override
    public void close() {
        clients.close();
    }
}
