package io.awslabs.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.ChallengeRun;
import io.awslabs.lab.Scaffold;
import io.awslabs.targets.EnvironmentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeStoreTest {
    @TempDir
    Path state;

    @Test
    void theActiveChallengeSurvivesTheCommandThatWroteItAndClearingItRemovesTheLearnersFiles() throws Exception {
        ChallengeStore store = new ChallengeStore(state);
        Path work = store.freshWorkDir();
        Files.writeString(work.resolve("auditor-url.txt"), "http://x");
        Scaffold scaffold = Scaffold.builder(work, ChallengeInfo.goal("g").resource("bucket", "the bucket of {0}"))
                .item("bucket", "S3 bucket", "labs-x-abcd1234-b", "arn:aws:s3:::labs-x-abcd1234-b", "receipts")
                .value("z", "last").value("a", "first").build();
        ChallengeState saved = new ChallengeState(ChallengeState.VERSION, "x", "abcd1234", Instant.parse("2026-12-01T10:00:00Z"),
                new ChallengeState.Place("moto", "http://127.0.0.1:5000", "us-east-1", "123456789012", null, false, null, true),
                Map.of(), scaffold, List.of(new ChallengeRun.Created("S3 bucket", "labs-x-abcd1234-b")), List.of(), false)
                .withHint(1, Instant.parse("2026-12-01T10:05:00Z"));

        store.save(saved);
        ChallengeState read = new ChallengeStore(state).active().orElseThrow();

        assertThat(read).isEqualTo(saved);
        assertThat(read.scaffold().values().keySet()).as("values keep their order").containsExactly("z", "a");
        assertThat(read.scaffold().item("bucket").about()).isEqualTo("the bucket of receipts");
        assertThat(read.scaffold().item("bucket").aboutArgs()).as("for the other language").containsExactly("receipts");
        assertThat(read.hintsUsed()).isEqualTo(1);
        assertThat(read.namePrefix()).isEqualTo("labs-x-abcd1234");

        store.clear();
        assertThat(store.active()).isEmpty();
        assertThat(work).doesNotExist();
    }

    @Test
    void aSecondCommandChangingTheChallengeWaitsItsTurn() {
        ChallengeStore store = new ChallengeStore(state);
        try (ChallengeStore.Lock first = store.lock()) {
            assertThatThrownBy(store::lock).isInstanceOf(EnvironmentException.class)
                    .hasMessageContaining("another labs command");
        }
    }
}
