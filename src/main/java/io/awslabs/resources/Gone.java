package io.awslabs.resources;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Thrown by a delete that found its resource already gone by its own means. */
public final class Gone extends Exception {
    public Gone(String message) {
        super(message);
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
