package io.awslabs.targets;

/**
 * The environment cannot run labs: an emulator will not start, credentials are missing, an
 * endpoint does not answer. Carries a one-line message and a hint; the CLI exits with 3.
 */
public final class EnvironmentException extends RuntimeException {
    private final String hint;

    public EnvironmentException(String message, String hint) {
        this(message, hint, null);
    }

    public EnvironmentException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
