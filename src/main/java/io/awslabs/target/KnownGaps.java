package io.awslabs.target;

import java.util.List;
import java.util.Optional;

/** Every declared emulator gap, in one place. */
public final class KnownGaps {

    private static final List<KnownGap> GAPS = List.of(
            new KnownGap(TargetKind.MOTO, "kms-envelope-encryption", "disabled-key-refuses-encrypt",
                    "moto encrypts with a disabled key; AWS refuses with DisabledException",
                    "moto/kms/responses.py encrypt() does not check the key state (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "ssm-run-command", "instance-registers-with-ssm",
                    "moto has no DescribeInstanceInformation and no SSM agent, so no instance ever registers",
                    "moto/ssm/responses.py defines no describe_instance_information, and moto/core/responses.py "
                            + "answers 'The describe_instance_information action has not been implemented' (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "ssm-run-command", "command-runs-script",
                    "moto runs nothing: every invocation is a canned Success with exit code 0 and empty output",
                    "moto/ssm/models.py Command.invocation_response() hard-codes Status 'Success', ResponseCode 0 "
                            + "and StandardOutputContent '' (moto 5.2.5)"),
            new KnownGap(TargetKind.MOTO, "ssm-run-command", "securestring-needs-decryption",
                    "moto stores a SecureString as 'kms:<key-id>:' followed by the plaintext and returns that "
                            + "without decryption; AWS returns KMS ciphertext",
                    "moto/ssm/models.py Parameter.encrypt() returns f\"kms:{self.keyid}:\" + value without calling "
                            + "KMS (moto 5.2.5)"));

    private KnownGaps() { }

    public static Optional<KnownGap> find(TargetKind target, String labId, String assertionId) {
        return GAPS.stream()
                .filter(g -> g.target() == target && g.labId().equals(labId) && g.assertionId().equals(assertionId))
                .findFirst();
    }

    public static List<KnownGap> all() {
        return GAPS;
    }
}
