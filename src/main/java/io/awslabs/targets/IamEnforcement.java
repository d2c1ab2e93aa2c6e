package io.awslabs.targets;

import io.awslabs.text.Said;
import java.util.function.Consumer;

/**
 * Whether requests are decided by IAM policies as on AWS, for labs that prove policy evaluation by
 * acting as principals they create. AWS always decides so. moto does once its enforcement is on,
 * but that switch ({@code POST /moto-api/reset-auth}) holds for its whole server, so a lab gets a
 * moto of its own with enforcement on and the run's moto, and any run in parallel on it, stay as
 * they are. LocalStack community decides nothing by policy. An endpoint that did not say which
 * emulator it is cannot be told.
 */
public sealed interface IamEnforcement {

    /** Policies decide requests sent to the target {@link #open} gives. */
    record Enforced(String where, Opener opener) implements IamEnforcement {
        public Enforcing open(Consumer<Said> progress) {
            return opener.open(progress);
        }
    }

    /** Every signed request is answered as if allowed. */
    record NotEnforced(Said why) implements IamEnforcement { }

    /** Nothing says whether policies decide. */
    record Unknown(Said why) implements IamEnforcement { }

    /**
     * Where policies decide. {@code separate}: a server started for the caller, with state of its
     * own that ends when the target is closed; otherwise the run's own target, which the caller
     * must not close.
     */
    record Enforcing(Target target, boolean separate) { }

    @FunctionalInterface
    interface Opener {
        Enforcing open(Consumer<Said> progress);
    }
}
