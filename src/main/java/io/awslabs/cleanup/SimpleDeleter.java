package io.awslabs.cleanup;

import io.awslabs.targets.Target;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.arns.Arn;

/**
 * A deleter that is one delete call on a canonical id: the common case, one registry entry
 * each. {@code arnService}/{@code arnType} say which swept ARNs it owns (null: none, the type
 * is never listed by the tagging API).
 */
record SimpleDeleter(String type, String arnService, String arnType, UnaryOperator<String> canonical, Call call,
                     Finder finder) implements ResourceDeleter {

    @FunctionalInterface
    interface Call {
        void delete(Target target, String canonicalId) throws Exception;
    }

    @FunctionalInterface
    interface Finder {
        List<String> find(Target target, String runId) throws Exception;
    }

    static SimpleDeleter of(String type, String arnService, String arnType, UnaryOperator<String> canonical, Call call) {
        return new SimpleDeleter(type, arnService, arnType, canonical, call, (t, r) -> List.of());
    }

    SimpleDeleter findingBy(Finder byRunId) {
        return new SimpleDeleter(type, arnService, arnType, canonical, call, byRunId);
    }

    @Override
    public void delete(Target target, String idOrArn) throws Exception {
        call.delete(target, canonicalId(idOrArn));
    }

    @Override
    public boolean owns(Arn arn) {
        return arnService != null && Ids.is(arn, arnService, arnType);
    }

    @Override
    public String canonicalId(String idOrArn) {
        return canonical.apply(idOrArn);
    }

    @Override
    public List<String> findByRunId(Target target, String runId) throws Exception {
        return finder.find(target, runId);
    }
}
