package io.awslabs.resources;

import java.time.Instant;

/**
 * Thrown by a delete that cannot delete at once and scheduled the deletion instead (a KMS key
 * waits 7 to 30 days): the resource still exists, unusable, until {@link #at}.
 */
public final class Scheduled extends Exception {
    private final Instant at;

    public Scheduled(Instant at, String message) {
        super(message);
        this.at = at;
    }

    public Instant at() {
        return at;
    }
}
