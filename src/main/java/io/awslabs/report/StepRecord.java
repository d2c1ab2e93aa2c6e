package io.awslabs.report;

import java.time.Instant;

/** A timed phase of a lab (provision, verify, teardown, or a lab's own sub-step). */
public record StepRecord(String name, Instant startedAt, long durationMs, String outcome) { }
