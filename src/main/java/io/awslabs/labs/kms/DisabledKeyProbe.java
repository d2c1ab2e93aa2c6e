package io.awslabs.labs.kms;

import io.awslabs.lab.LabWords;
import io.awslabs.lab.Proof;
import io.awslabs.resources.Wait;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Encrypt with a key just disabled. KMS is eventually consistent: for a few seconds after
 * DisableKey an Encrypt may still be accepted, so on a target where changes propagate the probe
 * asks again for up to {@link #LIMIT} before taking "accepted" as the answer.
 */
final class DisabledKeyProbe {
    static final Duration LIMIT = Duration.ofSeconds(30);
    static final Duration EVERY = Duration.ofSeconds(2);

    /** The last Encrypt's answer: accepted (no error), or the error KMS refused it with. */
    record Answer(KmsException refused, int attempts) {
        boolean isDisabled() {
            return refused instanceof DisabledException;
        }

        /** Replays the answer, for {@link Proof#throwsA}: throws the refusal, or returns as the accepted call did. */
        void replay() {
            if (refused != null) {
                throw refused;
            }
        }

        @Override
        public String toString() {
            return refused == null ? "accepted" : Proof.describe(refused);
        }
    }

    private DisabledKeyProbe() { }

    static Answer encrypt(Wait wait, Callable<?> encrypt) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        return wait.afterChange(LabWords.of(DisabledKeyProbe.class, "wait.disabledInForce"), LIMIT, EVERY, () -> {
            int attempt = attempts.incrementAndGet();
            try {
                encrypt.call();
                return new Answer(null, attempt);
            } catch (KmsException e) {
                return new Answer(e, attempt);
            }
        }, Answer::isDisabled, Answer::toString);
    }
}
