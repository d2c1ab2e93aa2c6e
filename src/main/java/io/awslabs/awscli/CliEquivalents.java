package io.awslabs.awscli;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Remembers, for each answer an SDK client got (a response or a service error), the AWS CLI
 * command that makes the same call, so that the evidence of a proof can show it next to the
 * request id. The command is made from the request as the caller built it, before the SDK adds
 * anything of its own, and only when it is asked for.
 *
 * <p>A synchronous client runs its interceptors on the calling thread, so each thread keeps its
 * own most recent answers: a lab records evidence right after its call, on its own thread, and
 * labs running side by side do not see each other's commands. The SDK hands the caller a copy of
 * the response it showed the interceptors, so a response is found by its fields and request id
 * (the most recent such one), a service error by identity.
 */
public final class CliEquivalents implements ExecutionInterceptor {
    private static final int REMEMBERED = 64;
    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("aws-labs.cli-call");
    private static final ThreadLocal<Deque<Answered>> RECENT = ThreadLocal.withInitial(ArrayDeque::new);

    private final Optional<URI> endpoint;

    /** @param endpoint the emulator's endpoint, which each command then names; empty for AWS */
    public CliEquivalents(Optional<URI> endpoint) {
        this.endpoint = endpoint;
    }

    /** The command that got {@code answer} (a response or an exception of an SDK call) on this thread, if known. */
    public static Optional<String> of(Object answer) {
        for (Answered a : RECENT.get()) {
            if (a.answer() == answer || sameResponse(a.answer(), answer)) {
                return Optional.of(a.call().command());
            }
        }
        return Optional.empty();
    }

    /** The copy the caller got of the response an interceptor saw: same fields, same request id. */
    private static boolean sameResponse(Object seen, Object answer) {
        return seen instanceof AwsResponse s && answer instanceof AwsResponse a && s.getClass() == a.getClass()
                && s.equalsBySdkFields(a)
                && Objects.equals(s.responseMetadata().requestId(), a.responseMetadata().requestId());
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation != null) {
            attributes.putAttribute(CALL, new Call(context.request(), operation, endpoint));
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        remember(context.response(), attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        remember(context.exception(), attributes);
    }

    private static void remember(Object answer, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        Deque<Answered> recent = RECENT.get();
        recent.addFirst(new Answered(answer, call));
        if (recent.size() > REMEMBERED) {
            recent.removeLast();
        }
    }

    /**
     * A call as the caller built it (an SDK request is immutable), made into its command only when
     * evidence asks for it: most calls of a run are never shown, and rendering reads every field.
     */
    private record Call(SdkRequest request, String operation, Optional<URI> endpoint) {
        String command() {
            return CliCommand.of(request, operation, endpoint);
        }
    }

    private record Answered(Object answer, Call call) { }
}
