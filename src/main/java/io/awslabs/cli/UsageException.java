package io.awslabs.cli;

/** The user asked for something that does not exist or does not make sense: exit 2. */
final class UsageException extends RuntimeException {
    private final String hint;

    UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
