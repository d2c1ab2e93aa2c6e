package io.awslabs.testing;

import io.awslabs.lab.Checks;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;

/** A real lab's provisioning, then a verify that fails before proving anything: teardown must still run. */
public record VerifyThrows(Lab real) implements Lab {
    public static final String MESSAGE = "verify blew up";

    @Override public LabInfo info() { return real.info(); }
    @Override public void provision(LabContext ctx) throws Exception { real.provision(ctx); }
    @Override public void verify(LabContext ctx, Checks check) { throw new IllegalStateException(MESSAGE); }
}
