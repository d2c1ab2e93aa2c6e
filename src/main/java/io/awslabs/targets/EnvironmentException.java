package io.awslabs.targets;

import io.awslabs.text.Lang;
import io.awslabs.text.Phrase;

/**
 * The environment cannot run labs: an emulator will not start, credentials are missing, an
 * endpoint does not answer. Carries a one-line message and a hint, the CLI exits with 3. Both are
 * said in the reader's language when printed, from the {@code environment} bundle next to this
 * class ({@code KEY.message}, {@code KEY.hint}): the refusal is made long before anyone knows
 * which language will read it. Its English is the exception's message, for logs and stack traces.
 */
public final class EnvironmentException extends RuntimeException {
    static final String BUNDLE = "environment";

    private final Phrase message;
    private final Phrase hint;

    private EnvironmentException(Phrase message, Phrase hint) {
        super(message.in(Lang.EN));
        this.message = message;
        this.hint = hint;
    }

    /** The refusal {@code key} of the environment bundle; an argument may be a {@link #phrase} of it. */
    public static EnvironmentException of(String key, Object... args) {
        return new EnvironmentException(phrase(key + ".message", args), phrase(key + ".hint", args));
    }

    /** Words of the environment bundle that go into a message or a hint. */
    public static Phrase phrase(String key, Object... args) {
        return Phrase.of(EnvironmentException.class, BUNDLE, key, args);
    }

    /** Interrupted while doing {@code what}, a phrase of the environment bundle ("while.moto"). */
    public static EnvironmentException interrupted(String what, Object... args) {
        return of("interrupted", phrase(what, args));
    }

    /** This refusal, caused by {@code cause} (shown with --verbose). */
    public EnvironmentException because(Throwable cause) {
        initCause(cause);
        return this;
    }

    /** The fix, in English. */
    public String hint() {
        return hint.in(Lang.EN);
    }

    public String message(Lang lang) {
        return message.in(lang);
    }

    public String hint(Lang lang) {
        return hint.in(lang);
    }
}
