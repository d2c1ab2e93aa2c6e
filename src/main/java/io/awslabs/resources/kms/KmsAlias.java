package io.awslabs.resources.kms;

import io.awslabs.resources.Ids;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import software.amazon.awssdk.services.kms.KmsClient;

/** A KMS alias. Aliases cannot be tagged, so only their name, which carries the run id, finds them. */
public final class KmsAlias implements ResourceKind {
    public static final KmsAlias KIND = new KmsAlias();

    private KmsAlias() { }

    /** Creates {@code alias/labs-<lab>-<run>} for the key and returns the alias name. */
    public static String create(Provisioning p, String keyId) throws Exception {
        KmsClient kms = p.client(KmsClient.class);
        return p.create(KIND, () -> {
            String name = "alias/" + p.name();
            kms.createAlias(r -> r.aliasName(name).targetKeyId(keyId));
            return name;
        });
    }

    @Override
    public String type() {
        return "KMS alias";
    }

    @Override
    public List<String> actions() {
        return List.of("kms:CreateAlias", "kms:DeleteAlias");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("kms:ListAliases");
    }

    @Override
    public void delete(Teardown env, String idOrArn) {
        String alias = canonicalId(idOrArn);
        env.target().client(KmsClient.class).deleteAlias(r -> r.aliasName(alias));
    }

    @Override
    public String canonicalId(String idOrArn) {
        return "alias/" + Ids.lastSegment(idOrArn);
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(KmsClient.class).listAliasesPaginator().aliases().stream()
                .flatMap(a -> runs.runOf(a.aliasName()).map(run -> new Found(run, a.aliasName())).stream())
                .toList();
    }
}
