package io.awslabs.challenge;

import io.awslabs.lab.ChallengeRun;
import io.awslabs.lab.Scaffold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The active challenge, as {@code labs start} left it for the commands that follow: the lab, the
 * run id every resource name carries, where it runs, the scaffold given to the learner, every
 * resource the challenge itself created (scaffold, then the reference solution), the hints used,
 * and whether the solution was applied.
 */
public record ChallengeState(int version, String lab, String runId, Instant startedAt, Place target,
                             Map<String, String> options, Scaffold scaffold, List<ChallengeRun.Created> resources,
                             List<HintUse> hints, boolean solutionApplied) {
    public static final int VERSION = 1;

    /**
     * Where the challenge runs: the target kind, the emulator endpoint, region and account, for
     * {@code aws} the profile and whether a "prod" alias was allowed and the endpoint the SDK was
     * configured with, and whether the emulator is the background one the challenge started.
     */
    public record Place(String kind, String endpoint, String region, String account, String profile,
                        boolean allowProdAlias, String sdkEndpoint, boolean background) { }

    /** A hint shown: its level (1 to 3) and when. */
    public record HintUse(int level, Instant at) { }

    public ChallengeState {
        options = Map.copyOf(options);
        resources = List.copyOf(resources);
        hints = List.copyOf(hints);
    }

    public int hintsUsed() {
        return hints.stream().mapToInt(HintUse::level).max().orElse(0);
    }

    public ChallengeState withHint(int level, Instant at) {
        List<HintUse> more = new ArrayList<>(hints);
        more.add(new HintUse(level, at));
        return new ChallengeState(version, lab, runId, startedAt, target, options, scaffold, resources, more, solutionApplied);
    }

    /** After the reference solution: what it created joins the rest, newest last. */
    public ChallengeState withSolution(List<ChallengeRun.Created> created) {
        List<ChallengeRun.Created> all = new ArrayList<>(resources);
        all.addAll(created);
        return new ChallengeState(version, lab, runId, startedAt, target, options, scaffold, all, hints, true);
    }

    /** {@code labs-<lab>-<run id>}: the prefix every name of the challenge carries, the learner's too. */
    public String namePrefix() {
        return "labs-" + lab + "-" + runId;
    }
}
