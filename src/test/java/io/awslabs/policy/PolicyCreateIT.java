package io.awslabs.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.Lab;
import io.awslabs.lab.LabCatalog;
import io.awslabs.targets.Target;
import io.awslabs.testing.JarProcess;
import io.awslabs.testing.SharedMoto;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * What {@code labs policy} prints is a policy IAM takes: moto's CreatePolicy validates the
 * document's grammar (moto/iam/policy_validation.py) as AWS does, though not its size.
 */
class PolicyCreateIT {
    @TempDir
    Path dir;

    @Test
    void everyLabsPolicyAndEachLabsOwnPassIamCreatePolicy() throws Exception {
        try (Target moto = SharedMoto.target()) {
            IamClient iam = moto.client(IamClient.class);
            for (String variant : new String[] {"", "--run-id-scoped"}) {
                JarProcess.Result all = variant.isEmpty() ? JarProcess.run(dir, Map.of(), "policy", "--all")
                        : JarProcess.run(dir, Map.of(), "policy", "--all", variant);
                assertThat(all.code()).as(all.err()).isZero();
                String arn = iam.createPolicy(r -> r.policyName("labs-all" + variant).policyDocument(all.out()))
                        .policy().arn();
                assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().policyName()).isEqualTo("labs-all" + variant);
            }
            for (Lab lab : new LabCatalog().all()) {
                JarProcess.Result one = JarProcess.run(dir, Map.of(), "policy", lab.info().id());
                assertThat(one.code()).as(one.err()).isZero();
                assertThat(one.err()).as(lab.info().id() + " fits one managed policy").isEmpty();
                iam.createPolicy(r -> r.policyName("labs-" + lab.info().id()).policyDocument(one.out()));
            }
        }
    }
}
