package io.awslabs.cli;

import io.awslabs.text.Lang;

/** The user asked for something that does not exist or does not make sense: exit 2. */
final class UsageException extends RuntimeException {
    private final String hint;
    private final ErrorText text;

    /** A refusal in English only. */
    UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
        this.text = null;
    }

    /** A refusal in the learner's language; its English is the exception's message. */
    UsageException(ErrorText text) {
        super(text.message(Lang.EN));
        this.hint = text.hint(Lang.EN);
        this.text = text;
    }

    String hint() {
        return hint;
    }

    String message(Lang lang) {
        return text == null ? getMessage() : text.message(lang);
    }

    String hint(Lang lang) {
        return text == null ? hint : text.hint(lang);
    }
}
