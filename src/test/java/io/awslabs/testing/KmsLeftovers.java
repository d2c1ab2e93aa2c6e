package io.awslabs.testing;

import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;

/** Aliases of the run, and keys of the run not yet pending deletion (the end state AWS allows). */
final class KmsLeftovers implements LeftoverProbe {
    @Override
    public List<String> live(Target target, String runId) {
        KmsClient kms = target.client(KmsClient.class);
        List<String> live = new ArrayList<>();
        for (AliasListEntry alias : kms.listAliasesPaginator().aliases()) {
            if (alias.aliasName().contains(runId)) {
                live.add("kms alias " + alias.aliasName());
            }
        }
        for (KeyListEntry key : kms.listKeysPaginator().keys()) {
            KeyMetadata meta = kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata();
            if (meta.description() != null && meta.description().contains(runId)
                    && meta.keyState() != KeyState.PENDING_DELETION) {
                live.add("kms key " + meta.arn() + " (" + meta.keyState() + ")");
            }
        }
        return live;
    }
}
