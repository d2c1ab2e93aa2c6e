package io.awslabs.challenge;

import io.awslabs.targets.AwsTarget;
import io.awslabs.targets.BackgroundEmulator;
import io.awslabs.targets.EnvironmentException;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.targets.Targets;
import io.awslabs.text.Said;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reaches the active challenge's target again: the background emulator it started (touched, so
 * its idle limit counts from this command), the endpoint it was given, or the AWS account it was
 * allowed to use, with the same guards as when it started.
 */
public final class PlaceOpener implements ChallengeSession.TargetOpener {
    private final Path emulatorDir;
    private final boolean verbose;
    private final Consumer<Said> progress;

    public PlaceOpener(Path emulatorDir, boolean verbose, Consumer<Said> progress) {
        this.emulatorDir = emulatorDir;
        this.verbose = verbose;
        this.progress = progress;
    }

    /** The challenge's own emulator stopped (idle for its limit, or killed): what it held went with it. */
    public static final class EmulatorGone extends RuntimeException {
        private final String kind;
        private final String endpoint;

        EmulatorGone(String kind, String endpoint) {
            super("the background " + kind + " of this challenge (" + endpoint + ") is no longer running: it stops after "
                    + "its idle limit without a command, and what it held went with it", null, false, false);
            this.kind = kind;
            this.endpoint = endpoint;
        }

        public String kind() {
            return kind;
        }

        public String endpoint() {
            return endpoint;
        }
    }

    @Override
    public Target open(ChallengeState.Place place, String region) {
        if (place.background()) {
            return background(place).target(region);
        }
        TargetKind kind = TargetKind.parse(place.kind());
        if (kind == TargetKind.AWS) {
            Target target = Targets.open(new Targets.Request(kind, null, region, verbose),
                    new AwsTarget.Options(place.profile(), List.of(place.account()), place.allowProdAlias()), progress);
            if (!place.account().equals(target.accountId())) {
                target.close();
                throw EnvironmentException.of("challengeOtherAccount", place.account(), target.accountId());
            }
            return target;
        }
        return Targets.open(new Targets.Request(kind, URI.create(place.endpoint()), region, verbose), progress);
    }

    /** The running background emulator of this challenge. */
    public BackgroundEmulator background(ChallengeState.Place place) {
        Optional<BackgroundEmulator> running = BackgroundEmulator.find(emulatorDir)
                .filter(e -> e.endpoint().toString().equals(place.endpoint()));
        if (running.isEmpty()) {
            throw new EmulatorGone(String.valueOf(place.kind()), place.endpoint());
        }
        running.get().touch();
        return running.get();
    }
}
