package io.awslabs.lab;

import java.util.List;

/**
 * The hands-on form of a lab: the lab's resources minus the step the learner must do (the
 * scaffold), checks that judge the resources as the learner left them, three hint levels, and
 * the reference solution, which is the lab's own code for that step.
 *
 * <p>Challenges are discovered through {@link java.util.ServiceLoader}: a class next to its lab
 * and one line in {@code META-INF/services/io.awslabs.lab.Challenge}. Every method but
 * {@link #info()} and {@link #commands} runs in its own command ({@code labs start}, {@code
 * check}, {@code solve}), so a challenge keeps nothing in fields: what later commands need goes
 * into the {@link Scaffold}.
 */
public interface Challenge {

    /** The id of the lab this is the challenge of. */
    String labId();

    /** The goal, the checks, the hints and the declared gaps; known without calling AWS. */
    ChallengeInfo info();

    /**
     * Creates the scaffold, each resource through the context or a kind's create helper, and
     * names in {@code scaffold} what the learner works on.
     */
    void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception;

    /**
     * Judges the learner's work, every check through {@code check}. Only reads or probes: a probe
     * object is created through {@link LabContext#closeAtTeardown} and removed after the checks;
     * nothing is ever fixed.
     */
    void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) throws Exception;

    /** The reference solution: what {@link #commands} does, done with the SDK. */
    void solve(LabContext ctx, Scaffold scaffold) throws Exception;

    /**
     * The AWS CLI commands that do what {@link #solve} does for this scaffold, one per line: the
     * third hint, and what {@code labs solve} prints.
     */
    List<String> commands(Scaffold scaffold);
}
