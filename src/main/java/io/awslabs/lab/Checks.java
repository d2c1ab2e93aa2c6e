package io.awslabs.lab;

/** Where a lab's {@code verify} states its assertions. */
@FunctionalInterface
public interface Checks {

    /**
     * Runs one assertion declared in the lab's {@link LabInfo}. Whatever happens inside (a
     * check that does not hold, an unexpected exception, a skip) is recorded; the next
     * assertion still runs.
     */
    void that(String assertionId, ProofBody body);

    @FunctionalInterface
    interface ProofBody {
        void prove(Proof proof) throws Exception;
    }
}
