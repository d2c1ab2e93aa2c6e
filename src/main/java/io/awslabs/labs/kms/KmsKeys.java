package io.awslabs.labs.kms;

import io.awslabs.lab.LabContext;
import io.awslabs.lab.ResourceLedger;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * Creating and retiring lab KMS keys, shared by every lab that needs one. A KMS key cannot be
 * deleted at once: teardown schedules deletion with the 7-day minimum and the report says so.
 */
public final class KmsKeys {
    public static final int MIN_PENDING_WINDOW_DAYS = 7;

    private KmsKeys() { }

    /**
     * A lab key. Key-management calls use the key id: moto 5.2.5 answers DisableKey and
     * ScheduleKeyDeletion with a 500 when given the ARN, which AWS accepts as well.
     */
    public record LabKey(String id, String arn) { }

    /** Creates a tagged symmetric key registered for scheduled deletion. */
    public static LabKey create(LabContext ctx, String purpose) throws Exception {
        KmsClient kms = ctx.client(KmsClient.class);
        LabKey key = ctx.create("KMS key",
                () -> {
                    var meta = kms.createKey(r -> r
                            .description(ctx.name(purpose))
                            .tags(ctx.tags((k, v) -> Tag.builder().tagKey(k).tagValue(v).build())))
                            .keyMetadata();
                    return new LabKey(meta.keyId(), meta.arn());
                },
                LabKey::arn,
                created -> scheduleDeletion(kms, created.id()));
        ctx.note("KMS keys cannot be deleted at once: teardown schedules each lab key for deletion after "
                + MIN_PENDING_WINDOW_DAYS + " days (the minimum; AWS allows 7-30) and the key is unusable meanwhile.");
        return key;
    }

    /** Schedules deletion unless it already is; a key already pending deletion counts as gone. */
    public static void scheduleDeletion(KmsClient kms, String keyId) throws ResourceLedger.ResourceGone {
        KeyState state = kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState();
        if (state == KeyState.PENDING_DELETION) {
            throw new ResourceLedger.ResourceGone("already pending deletion");
        }
        kms.scheduleKeyDeletion(r -> r.keyId(keyId).pendingWindowInDays(MIN_PENDING_WINDOW_DAYS));
    }
}
