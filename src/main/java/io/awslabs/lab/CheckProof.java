package io.awslabs.lab;

import io.awslabs.text.Said;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The body of one challenge check: a {@link Proof} whose every comparison also says, in the
 * learner's terms, what it means when it does not hold ("uploads without a header are stored
 * with AES256, not with your KMS key"). That sentence is the reason a FAIL is reported with, in
 * the learner's language: the challenge's words ({@link LabContext#words}, its package's run bundle).
 */
public final class CheckProof {
    private final Proof proof = new Proof();
    private Said failure;

    public CheckProof evidence(String key, Object value) {
        proof.evidence(key, value);
        return this;
    }

    public CheckProof call(String api, AwsResponse response) {
        proof.call(api, response);
        return this;
    }

    public CheckProof error(String api, AwsServiceException e) {
        proof.error(api, e);
        return this;
    }

    /** {@code expected} equals {@code actual}; otherwise the check fails and the learner reads {@code otherwise}. */
    public CheckProof equal(String what, Object expected, Object actual, Said otherwise) {
        try {
            proof.equal(what, expected, actual);
        } catch (Proof.NotHeld e) {
            failure = otherwise;
            throw e;
        }
        return this;
    }

    /** {@code condition} holds; otherwise the check fails and the learner reads {@code otherwise}. */
    public CheckProof isTrue(String what, boolean condition, Object actual, Said otherwise) {
        try {
            proof.isTrue(what, condition, actual);
        } catch (Proof.NotHeld e) {
            failure = otherwise;
            throw e;
        }
        return this;
    }

    /** Ends the check as SKIPPED: this target cannot show it. */
    public void skip(Said reason) {
        proof.skip(reason);
    }

    Proof proof() {
        return proof;
    }

    /** What the check that did not hold means for the learner; null when none failed. */
    Said failure() {
        return failure;
    }
}
