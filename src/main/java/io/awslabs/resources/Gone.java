package io.awslabs.resources;

import io.awslabs.text.Lang;
import io.awslabs.text.Phrase;
import io.awslabs.text.Said;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Thrown by a delete that found its resource already gone by its own means. What it found is a
 * key of the teardown bundle, so a report says it in the learner's language; the exception's
 * message is the English.
 */
public final class Gone extends Exception {
    private final transient Phrase said;

    public Gone(String key, Object... args) {
        this(TeardownWords.phrase(key, args));
    }

    private Gone(Phrase said) {
        super(said.in(Lang.EN));
        this.said = said;
    }

    /** What the delete found, in either language. */
    public Said said() {
        return said;
    }

    /** A delete that finds nothing to delete has nothing left to do: that is success. */
    public static boolean isNotFound(Throwable e) {
        if (e instanceof AwsServiceException ase) {
            if (ase.statusCode() == 404) {
                return true;
            }
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            return code != null && (code.contains("NotFound") || code.startsWith("NoSuch"));
        }
        return e instanceof Gone;
    }
}
