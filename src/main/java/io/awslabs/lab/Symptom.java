package io.awslabs.lab;

import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * How a declared emulator gap shows itself: which check of the assertion fails and what the
 * target answers there, or which error the target throws. Only an outcome with this symptom is
 * the gap; any other failure of the same assertion is reported as the failure it is.
 */
public sealed interface Symptom {

    /** Whether this outcome of the assertion is the declared gap. */
    boolean matches(AssertionOutcome outcome);

    /** For people: what the gap looks like. */
    String describe();

    /** The named check does not hold, and the target's answer there contains {@code answer}. */
    static Symptom checkFails(String check, String answer) {
        return new CheckFails(check, answer);
    }

    /** The target throws an AWS error with this error code (or HTTP status, such as "501"). */
    static Symptom throwsError(String errorCodeOrStatus) {
        return new ThrowsError(errorCodeOrStatus);
    }

    record CheckFails(String check, String answer) implements Symptom {
        @Override
        public boolean matches(AssertionOutcome outcome) {
            return outcome.failedCheck() != null && outcome.failedCheck().what().equals(check)
                    && contains(outcome.failedCheck().actual(), answer);
        }

        @Override
        public String describe() {
            return "check '" + check + "' fails with an answer containing '" + answer + "'";
        }
    }

    record ThrowsError(String errorCodeOrStatus) implements Symptom {
        @Override
        public boolean matches(AssertionOutcome outcome) {
            if (!(outcome.error() instanceof AwsServiceException e)) {
                return false;
            }
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return errorCodeOrStatus.equals(code) || errorCodeOrStatus.equals(String.valueOf(e.statusCode()));
        }

        @Override
        public String describe() {
            return "the target answers with error " + errorCodeOrStatus;
        }
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }
}
