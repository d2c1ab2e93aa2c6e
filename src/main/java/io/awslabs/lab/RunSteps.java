package io.awslabs.lab;

import io.awslabs.text.Phrase;

/** The steps the runner itself times around a lab or a challenge; a lab's own sub-steps are its words ({@link LabContext#words}). */
public final class RunSteps {
    public static final Phrase PROVISION = RunWords.phrase("step.provision");
    public static final Phrase VERIFY = RunWords.phrase("step.verify");
    public static final Phrase TEARDOWN = RunWords.phrase("step.teardown");
    public static final Phrase SCAFFOLD = RunWords.phrase("step.scaffold");
    public static final Phrase CHECK = RunWords.phrase("step.check");
    public static final Phrase SOLVE = RunWords.phrase("step.solve");

    private RunSteps() { }
}
