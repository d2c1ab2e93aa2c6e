package io.awslabs.labs.iam;

import io.awslabs.lab.IamEnforcing;
import io.awslabs.resources.iam.AccessKey;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** Clients signing as the lab's principals where policies decide, built once per principal and closed together. */
final class Signers implements AutoCloseable {
    private final IamEnforcing iam;
    private final Map<String, Target> byUser = new HashMap<>();
    private final List<Target> opened = new ArrayList<>();

    Signers(IamEnforcing iam) {
        this.iam = iam;
    }

    /** Signing with the user's own access key. */
    Target user(AccessKey.Issued key) {
        return byUser.computeIfAbsent(key.key().accessKeyId(), id -> signing(key.credentials()));
    }

    /** Signing with any other credentials: a role session, a forged secret. */
    Target signing(AwsCredentialsProvider credentials) {
        Target target = iam.actingAs(credentials);
        opened.add(target);
        return target;
    }

    @Override
    public void close() {
        opened.forEach(Target::close);
    }
}
