package io.awslabs.resources;

import io.awslabs.text.Lang;
import io.awslabs.text.Phrase;
import io.awslabs.text.Said;
import java.time.Instant;

/**
 * Thrown by a delete that cannot delete at once and scheduled the deletion instead (a KMS key
 * waits 7 to 30 days): the resource still exists, unusable, until {@link #at}. Why is a key of the
 * teardown bundle, said in the learner's language; the message is the English.
 */
public final class Scheduled extends Exception {
    private final Instant at;
    private final transient Phrase said;

    public Scheduled(Instant at, String key, Object... args) {
        this(at, TeardownWords.phrase(key, args));
    }

    private Scheduled(Instant at, Phrase said) {
        super(said.in(Lang.EN));
        this.at = at;
        this.said = said;
    }

    public Instant at() {
        return at;
    }

    /** Why it waits, in either language. */
    public Said said() {
        return said;
    }
}
