package io.awslabs.resources.kms;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Scheduled;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.TeardownWords;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * A symmetric KMS key. It cannot be deleted at once: deleting it schedules deletion with the
 * 7-day minimum, and a key already pending deletion counts as gone.
 */
public final class KmsKey implements ResourceKind {
    public static final KmsKey KIND = new KmsKey();
    public static final int MIN_PENDING_WINDOW_DAYS = 7;

    /**
     * A lab key. Key-management calls use the key id: moto 5.2.5 answers DisableKey and
     * ScheduleKeyDeletion with a 500 when given the ARN, which AWS accepts as well.
     */
    public record Handle(String id, String arn) { }

    private KmsKey() { }

    /** Creates a tagged key described as {@code labs-<lab>-<run>-<purpose>}. */
    public static Handle create(Provisioning p, String purpose) throws Exception {
        KmsClient kms = p.client(KmsClient.class);
        Handle key = p.create(KIND, () -> {
            var meta = kms.createKey(r -> r.description(p.name(purpose))
                    .tags(p.tags((k, v) -> Tag.builder().tagKey(k).tagValue(v).build()))).keyMetadata();
            return new Handle(meta.keyId(), meta.arn());
        }, Handle::arn);
        p.note(TeardownWords.phrase("note.kmsKeyScheduled", MIN_PENDING_WINDOW_DAYS));
        return key;
    }

    @Override
    public String type() {
        return "KMS key";
    }

    @Override
    public List<String> actions() {
        return List.of("kms:CreateKey", "kms:TagResource", "kms:DescribeKey", "kms:ScheduleKeyDeletion");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("kms:ListKeys", "kms:DescribeKey");
    }

    /**
     * Schedules deletion unless it already is; either way the key is not deleted but
     * {@link Scheduled}, with the date KMS will delete it.
     */
    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        KmsClient kms = env.target().client(KmsClient.class);
        String keyId = canonicalId(idOrArn);
        KeyMetadata meta = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
        if (meta.keyState() == KeyState.PENDING_DELETION) {
            throw new Scheduled(meta.deletionDate(), "scheduled.alreadyPending");
        }
        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(r -> r.keyId(keyId)
                .pendingWindowInDays(MIN_PENDING_WINDOW_DAYS));
        throw new Scheduled(scheduled.deletionDate(), "scheduled.kmsKey", MIN_PENDING_WINDOW_DAYS);
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "kms", "key");
    }

    /** Lab keys are described as {@code labs-<lab>-<run>-<purpose>}. */
    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        KmsClient kms = target.client(KmsClient.class);
        List<Found> found = new ArrayList<>();
        for (KeyListEntry key : kms.listKeysPaginator().keys()) {
            KeyMetadata meta = kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata();
            runs.runOf(meta.description()).ifPresent(run -> found.add(new Found(run, meta.arn())));
        }
        return found;
    }

    @Override
    public boolean isGone(Target target, String idOrArn) {
        return target.client(KmsClient.class).describeKey(r -> r.keyId(canonicalId(idOrArn))).keyMetadata()
                .keyState() == KeyState.PENDING_DELETION;
    }
}
