package io.awslabs.lab;

import io.awslabs.resources.Provisioning;
import io.awslabs.targets.Target;
import io.awslabs.text.Said;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Where a lab proves how IAM policies decide requests ({@link LabContext#iamEnforcing}): the
 * provisioning to create principals, their policies and the resources they act on, and clients
 * that act as one of those principals. {@link #cannotShow} says why this target cannot show
 * enforcement at all; where it is empty but the target decides nothing by policy (LocalStack
 * community), the requests go to the target itself and the lab's declared gaps name what it answers.
 */
public final class IamEnforcing {
    private final Provisioning provisioning;
    private final String where;
    private final Optional<Said> cannotShow;

    IamEnforcing(Provisioning provisioning, String where, Optional<Said> cannotShow) {
        this.provisioning = provisioning;
        this.where = where;
        this.cannotShow = cannotShow;
    }

    /** Create what the policies are about through this. */
    public Provisioning provisioning() {
        return provisioning;
    }

    public Target target() {
        return provisioning.target();
    }

    /** Where the requests are decided, for evidence: "this AWS account", "a moto of this lab's own ...". */
    public String where() {
        return where;
    }

    /** Clients signed as another principal (a user's access key, a role session); close them when done. */
    public Target actingAs(AwsCredentialsProvider credentials) {
        return target().actingAs(credentials);
    }

    /** Why no request here can show enforcement (an emulator that did not say what it is), or empty. */
    public Optional<Said> cannotShow() {
        return cannotShow;
    }
}
