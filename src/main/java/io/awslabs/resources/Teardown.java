package io.awslabs.resources;

import io.awslabs.targets.Target;
import io.awslabs.text.Said;
import java.util.function.Consumer;

/**
 * What a delete has to work with: the target, the run it cleans up after, the wait utility for
 * deletes that must wait (a distribution deploying, an instance terminating), and the progress
 * line for the person watching, said in their language.
 */
public record Teardown(Target target, String runId, Wait waits, Consumer<Said> progress) { }
