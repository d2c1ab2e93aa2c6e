package io.awslabs.lab;

/** Where a challenge's {@code check} states its checks. */
@FunctionalInterface
public interface ChallengeChecks {

    /**
     * Runs one check declared in the challenge's {@link ChallengeInfo}; whatever happens inside is
     * recorded and the next check still runs.
     */
    void that(String checkId, Body body);

    @FunctionalInterface
    interface Body {
        void check(CheckProof proof) throws Exception;
    }
}
