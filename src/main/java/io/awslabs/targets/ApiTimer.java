package io.awslabs.targets;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Sums the wall time of every SDK call (retries and marshalling included), so a run can be
 * split into time inside AWS and the tool's own overhead.
 */
public final class ApiTimer implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("labs.apiStartNanos");

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong calls = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finish(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finish(attributes);
    }

    private void finish(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            nanos.addAndGet(System.nanoTime() - started);
            calls.incrementAndGet();
        }
    }

    public long millis() {
        return nanos.get() / 1_000_000;
    }

    public long calls() {
        return calls.get();
    }
}
