package io.awslabs.labs.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.resources.FakeClock;
import io.awslabs.resources.Wait;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.DisabledException;

class DisabledKeyProbeTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void whereChangesPropagateAnEncryptStillAcceptedJustAfterDisableKeyIsAskedAgainUntilRefused() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DisabledKeyProbe.Answer answer = DisabledKeyProbe.encrypt(new Wait(clock, Wait.Listener.NONE, true), () -> {
            if (calls.incrementAndGet() < 3) {
                return "ciphertext";
            }
            throw DisabledException.builder().message("key is disabled").build();
        });

        assertThat(answer.isDisabled()).isTrue();
        assertThat(answer.attempts()).isEqualTo(3);
        assertThat(clock.pauses()).hasSize(2);
    }

    @Test
    void aKeyThatKeepsEncryptingIsAnsweredAcceptedAfterThirtySecondsAtMost() throws Exception {
        DisabledKeyProbe.Answer answer = DisabledKeyProbe.encrypt(new Wait(clock, Wait.Listener.NONE, true), () -> "ciphertext");

        assertThat(answer.isDisabled()).isFalse();
        assertThat(answer).hasToString("accepted");
        assertThat(clock.nanoTime()).isBetween(DisabledKeyProbe.LIMIT.toNanos(),
                DisabledKeyProbe.LIMIT.plus(DisabledKeyProbe.EVERY).toNanos());
    }

    @Test
    void whereChangesApplyAtOnceTheFirstAnswerIsFinalAndNothingWaits() throws Exception {
        DisabledKeyProbe.Answer answer = DisabledKeyProbe.encrypt(new Wait(clock, Wait.Listener.NONE, false), () -> "ciphertext");

        assertThat(answer.attempts()).isEqualTo(1);
        assertThat(clock.pauses()).isEmpty();
    }
}
