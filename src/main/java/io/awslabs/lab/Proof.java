package io.awslabs.lab;

import io.awslabs.awscli.CliEquivalents;
import io.awslabs.report.Redactor;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The body of one assertion: checks that can fail, and the evidence behind them. The first
 * check that does not hold ends the assertion as FAIL; {@link #skip} ends it as SKIPPED.
 */
public final class Proof {
    private final Map<String, String> evidence = new LinkedHashMap<>();
    private final List<CheckRecord> checks = new ArrayList<>();

    /** One comparison made inside an assertion. */
    public record CheckRecord(String what, String expected, String actual, boolean held) { }

    static final class NotHeld extends RuntimeException {
        NotHeld() { super(null, null, false, false); }
    }

    static final class Skipped extends RuntimeException {
        private final transient Said reason;

        Skipped(Said reason) {
            super(reason.in(Lang.EN), null, false, false);
            this.reason = reason;
        }

        Said reason() { return reason; }
    }

    /** Records evidence; values are redacted (signatures, credentials, keys) before storage. */
    public Proof evidence(String key, Object value) {
        evidence.put(key, Redactor.redact(String.valueOf(value)));
        return this;
    }

    /**
     * Records the API call: its request id, the handle AWS support asks for, and the AWS CLI
     * command that makes the same call, for the learner to retype.
     */
    public Proof call(String api, AwsResponse response) {
        evidence(api + ".requestId", response.responseMetadata().requestId());
        CliEquivalents.of(response).ifPresent(command -> evidence(api + ".cli", command));
        return this;
    }

    /** Records what a service error said: status, code, request id, and the CLI command that got it. */
    public Proof error(String api, AwsServiceException e) {
        evidence(api + ".error", e.statusCode() + " " + e.awsErrorDetails().errorCode());
        evidence(api + ".requestId", e.requestId());
        CliEquivalents.of(e).ifPresent(command -> evidence(api + ".cli", command));
        return this;
    }

    public Proof equal(String what, Object expected, Object actual) {
        return record(what, String.valueOf(expected), String.valueOf(actual), Objects.equals(expected, actual));
    }

    public Proof isTrue(String what, boolean condition, Object actual) {
        return record(what, "true", String.valueOf(actual), condition);
    }

    /**
     * Expects {@code call} to throw {@code type}; returns the exception for evidence. Another
     * answer of the target (a different AWS error) is a check that does not hold; anything else
     * (a lost connection, the Ctrl-C abort, a JVM error) is not an answer and goes on up.
     */
    public <T extends Exception> T throwsA(String what, Class<T> type, ThrowingRunnable call) throws Exception {
        try {
            call.run();
        } catch (Exception thrown) {
            if (type.isInstance(thrown)) {
                record(what, type.getSimpleName(), describe(thrown), true);
                return type.cast(thrown);
            }
            if (thrown instanceof AwsServiceException) {
                record(what, type.getSimpleName(), describe(thrown), false);
            }
            throw thrown;
        }
        record(what, type.getSimpleName(), "no exception: the call succeeded", false);
        throw new AssertionError("unreachable");
    }

    /**
     * Ends the assertion as SKIPPED: this target (or this run's options) cannot prove it; the
     * reason is the lab's words ({@link LabContext#words}), read in the learner's language.
     */
    public void skip(Said reason) {
        throw new Skipped(reason);
    }

    private Proof record(String what, String expected, String actual, boolean held) {
        checks.add(new CheckRecord(what, Redactor.redact(expected), Redactor.redact(actual), held));
        if (!held) {
            throw new NotHeld();
        }
        return this;
    }

    /**
     * One line for an exception, redacted: it ends up in reasons, step outcomes and teardown
     * messages, and a message may quote a presigned URL or a credential.
     */
    public static String describe(Throwable t) {
        if (t instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            return t.getClass().getSimpleName() + " (" + ase.statusCode() + " " + ase.awsErrorDetails().errorCode() + ")";
        }
        String message = t.getMessage() == null ? "" : ": " + firstLine(t.getMessage());
        return Redactor.redact(t.getClass().getSimpleName() + message);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    Map<String, String> evidence() { return evidence; }
    List<CheckRecord> checks() { return checks; }

    /** The check that ended the assertion as FAIL, or null. */
    CheckRecord failedCheck() {
        return checks.stream().filter(c -> !c.held()).reduce((a, b) -> b).orElse(null);
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
