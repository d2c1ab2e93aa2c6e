package io.awslabs.targets;

/**
 * A behaviour a target is known not to reproduce, with the evidence for the claim. An assertion
 * under a gap still runs: if it fails it is reported SKIPPED with this reason and the target's
 * actual answer; if it passes, the report says the gap no longer reproduces.
 */
public record KnownGap(TargetKind target, String labId, String assertionId, String reason, String evidence) { }
