package io.awslabs.targets;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Once Ctrl-C teardown begins, only the teardown thread may call AWS. The lab's own thread
 * keeps running until the JVM halts; a call it makes after teardown (disabling a key that was
 * just scheduled for deletion, creating one more resource) would undo or escape the cleanup.
 */
public final class CallGate implements ExecutionInterceptor {
    static final CallGate INSTANCE = new CallGate();

    private volatile Thread onlyCaller;

    private CallGate() { }

    /** From now on, every SDK call from another thread fails before it is sent. */
    public static void reserveFor(Thread teardown) {
        INSTANCE.onlyCaller = teardown;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Thread only = onlyCaller;
        if (only != null && Thread.currentThread() != only) {
            throw SdkClientException.create("teardown has begun (interrupted): no further calls from the lab");
        }
    }
}
