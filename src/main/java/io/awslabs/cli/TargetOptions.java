package io.awslabs.cli;

import io.awslabs.targets.AccountGuard;
import io.awslabs.targets.AwsTarget;
import io.awslabs.targets.TargetKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that say where labs run, declared once for every command that needs a target
 * ({@code run}, {@code cleanup}), and checked together before anything starts: a flag that
 * belongs to another target is refused, not silently ignored.
 */
class TargetOptions {
    @Option(names = "--target", paramLabel = "KIND",
            description = "moto (started for you), localstack (4.14.0, started for you), endpoint (an emulator already "
                    + "running), aws (a sandbox account). Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--endpoint-url", paramLabel = "URL", converter = EndpointUrl.class,
            description = "endpoint: the emulator, as http(s)://host:port (default: $AWS_ENDPOINT_URL).")
    URI endpointUrl;

    @Option(names = "--region", paramLabel = "REGION", converter = RegionName.class,
            description = "A region the AWS SDK knows (default: us-east-1 on emulators; on aws, AWS_REGION or the "
                    + "profile's region).")
    String region;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "aws: the named profile for credentials and region (default: the SDK's default chain).")
    String profile;

    @Option(names = "--account", paramLabel = "ID",
            description = "aws: an account id allowed to be used (repeatable); the config file can list them too.")
    List<String> accounts = new ArrayList<>();

    @Option(names = AccountGuard.ALLOW_PROD_ALIAS_FLAG,
            description = "aws: proceed even though the account alias contains \"prod\" (refused otherwise).")
    boolean allowProdAlias;

    /** The target asked for; {@code --target}'s default comes from the command's {@link Defaults}. */
    TargetKind kind(String command) {
        try {
            return TargetKind.parse(target);
        } catch (IllegalArgumentException e) {
            throw new UsageException(new ErrorText("unknownTarget", target, Arrays.stream(TargetKind.values())
                    .map(TargetKind::id).collect(Collectors.joining(", ")), command));
        }
    }

    /** {@code --endpoint-url} belongs to {@code --target endpoint}; elsewhere it would be ignored. */
    void refuseEndpointUrlUnless(TargetKind kind) {
        if (endpointUrl != null && kind != TargetKind.ENDPOINT) {
            throw new UsageException(new ErrorText(kind == TargetKind.AWS ? "endpointUrlNotOnAws" : "endpointUrlNotHere",
                    kind.id(), endpointUrl));
        }
    }

    /** The aws options name an account to use: on an emulator they would be ignored. */
    void refuseAwsOptionsOn(TargetKind kind, List<String> moreAwsFlags) {
        if (kind == TargetKind.AWS) {
            return;
        }
        List<String> given = new ArrayList<>();
        if (profile != null) given.add("--profile");
        if (!accounts.isEmpty()) given.add("--account");
        if (allowProdAlias) given.add(AccountGuard.ALLOW_PROD_ALIAS_FLAG);
        given.addAll(moreAwsFlags);
        if (!given.isEmpty()) {
            throw new UsageException(new ErrorText(given.size() == 1 ? "awsFlagOnEmulator" : "awsFlagsOnEmulator",
                    String.join(", ", given), kind.id()));
        }
    }

    /** For {@code --target endpoint}: {@code --endpoint-url}, else {@code AWS_ENDPOINT_URL}, in the form the SDK needs. */
    URI endpoint(TargetKind kind) {
        if (kind != TargetKind.ENDPOINT) {
            return null;
        }
        if (endpointUrl != null) {
            return endpointUrl;
        }
        String env = System.getenv("AWS_ENDPOINT_URL");
        if (env == null || env.isBlank()) {
            throw new UsageException(new ErrorText("endpointMissing", EndpointUrl.FORM));
        }
        try {
            return EndpointUrl.parse("AWS_ENDPOINT_URL", env);
        } catch (BadValue e) {
            throw new UsageException(e.text());
        }
    }

    /** The aws target's options, account ids checked before anything is opened. */
    AwsTarget.Options aws() {
        for (String account : accounts) {
            if (!account.matches("\\d{12}")) {
                throw new UsageException(new ErrorText("notAnAccount", account));
            }
        }
        return new AwsTarget.Options(profile, List.copyOf(accounts), allowProdAlias);
    }

    /** Each command's default target, shown in its help as ${DEFAULT-VALUE}. */
    abstract static class Defaults implements CommandLine.IDefaultValueProvider {
        private final TargetKind kind;

        Defaults(TargetKind kind) {
            this.kind = kind;
        }

        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
            return argSpec.isOption() && "--target".equals(((CommandLine.Model.OptionSpec) argSpec).longestName())
                    ? kind.id() : null;
        }
    }

    static final class MotoByDefault extends Defaults {
        MotoByDefault() {
            super(TargetKind.MOTO);
        }
    }

    static final class AwsByDefault extends Defaults {
        AwsByDefault() {
            super(TargetKind.AWS);
        }
    }
}
