package io.awslabs.cleanup;

import io.awslabs.labs.kms.KmsKeys;
import io.awslabs.targets.Target;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyState;

/** A KMS key cannot be deleted at once: it is scheduled for deletion after 7 days, as the lab does. */
final class KmsKeyDeleter implements ResourceDeleter {
    @Override
    public String type() {
        return "KMS key";
    }

    @Override
    public void delete(Target target, String idOrArn) throws Exception {
        KmsKeys.scheduleDeletion(target.client(KmsClient.class), canonicalId(idOrArn));
    }

    @Override
    public boolean owns(Arn arn) {
        return Ids.is(arn, "kms", "key");
    }

    @Override
    public boolean isGone(Target target, String idOrArn) {
        return target.client(KmsClient.class).describeKey(r -> r.keyId(canonicalId(idOrArn))).keyMetadata()
                .keyState() == KeyState.PENDING_DELETION;
    }
}
