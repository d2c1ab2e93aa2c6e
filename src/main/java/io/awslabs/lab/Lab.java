package io.awslabs.lab;

/**
 * One hands-on lab: provisions real resources, proves a concept with assertions that can fail,
 * and relies on the runner to tear down everything it registered in the ledger.
 *
 * <p>Labs are discovered through {@link java.util.ServiceLoader}; adding a lab means adding a
 * class and one line in {@code META-INF/services/io.awslabs.lab.Lab}. {@link #info()} must not
 * touch the AWS SDK so that {@code labs list} stays fast.
 */
public interface Lab {

    LabInfo info();

    /** Creates resources, each through {@link LabContext#create} so that teardown knows them. */
    void provision(LabContext ctx) throws Exception;

    /** Proves the concept; every outcome goes through {@code check}. */
    void verify(LabContext ctx, Checks check) throws Exception;
}
