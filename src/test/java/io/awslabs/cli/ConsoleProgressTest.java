package io.awslabs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleProgress log = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            new Terminal(false, false));

    @Test
    void inALogAWaitIsOneLineWithItsLimitNotALinePerPoll() {
        for (int poll = 0; poll < 10; poll++) {
            log.waiting("acm", "the certificate to be ISSUED", Duration.ofSeconds(poll), Duration.ofMinutes(15),
                    "PENDING_VALIDATION");
        }
        log.waiting("acm", "the Route 53 change to be INSYNC", Duration.ZERO, Duration.ofMinutes(2), "PENDING");

        assertThat(lines()).hasSize(2);
        assertThat(lines()[0]).contains("acm", "waiting for the certificate to be ISSUED", "of at most 900 s",
                "PENDING_VALIDATION");
        assertThat(lines()[1]).contains("INSYNC", "of at most 120 s");
    }

    @Test
    void verboseShowsTheCliCommandOfEachCallUnderItsAssertion() {
        AssertionRecord encrypted = new AssertionRecord("encrypt-under-alias", "Encrypt names the key by alias", Status.PASS,
                "x", "x", null, null, java.util.Map.of("kms:Encrypt.requestId", "r-1",
                        "kms:Encrypt.cli", "aws kms encrypt --key-id alias/a --plaintext REDACTED"), java.util.List.of(), 3);

        log.showingCommands(true).assertion("kms", encrypted);

        assertThat(lines()).hasSize(2);
        assertThat(lines()[1]).contains("$ aws kms encrypt --key-id alias/a");
    }

    private String[] lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
    }
}
