package io.awslabs.target;

import java.util.List;
import java.util.Optional;

/** Every declared emulator gap, in one place. */
public final class KnownGaps {

    private static final List<KnownGap> GAPS = List.of(
            new KnownGap(TargetKind.MOTO, "kms-envelope-encryption", "disabled-key-refuses-encrypt",
                    "moto encrypts with a disabled key; AWS refuses with DisabledException",
                    "moto/kms/responses.py encrypt() does not check the key state (moto 5.2.5)"));

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
