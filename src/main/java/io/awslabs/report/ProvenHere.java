package io.awslabs.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a run proved on its target and what it did not, in the learner's terms: "26 of 40
 * proven on moto; 14 not shown here: 3 can be proven with --target localstack, 11 only on AWS".
 * Where a skipped assertion can be proven instead comes from a fidelity matrix (the bundled one:
 * what each emulator proved in the project's last test run).
 */
public record ProvenHere(String target, int assertions, int proven, int failed, int errors, List<NotShown> notShown,
                         int provenLocally) {

    /** Where an assertion skipped here can be shown: another emulator, only AWS, or (not in the matrix) unknown. */
    public record NotShown(String lab, String assertion, String elsewhere) {
        public static final String ONLY_AWS = "aws";
        public static final String UNKNOWN = "unknown";
    }

    /** The emulators a learner can switch to, in the order they are suggested. */
    private static final List<String> EMULATORS = List.of("moto", "localstack");

    public static ProvenHere of(RunReport report, Optional<FidelityMatrix> matrix) {
        String here = FidelityMatrix.columnOf(report.target());
        String emulator = FidelityMatrix.emulatorOf(report.target());
        boolean onAws = FidelityMatrix.AWS.equals(report.target().kind());
        int total = 0, proven = 0, failed = 0, errors = 0, local = 0;
        List<NotShown> notShown = new ArrayList<>();
        for (LabReport lab : report.labs()) {
            for (AssertionRecord a : lab.assertions()) {
                total++;
                switch (a.status()) {
                    case PASS -> {
                        if (a.localProof()) local++; else proven++;
                    }
                    case FAIL -> failed++;
                    case ERROR -> errors++;
                    case SKIPPED -> notShown.add(new NotShown(lab.lab().id(), a.id(),
                            onAws ? NotShown.UNKNOWN : elsewhere(matrix, lab.lab().id(), a.id(), emulator)));
                }
            }
        }
        return new ProvenHere(here, total, proven, failed, errors, List.copyOf(notShown), local);
    }

    private static String elsewhere(Optional<FidelityMatrix> matrix, String lab, String assertion, String emulator) {
        Optional<FidelityMatrix.Row> row = matrix.flatMap(m -> m.rowsOf(lab).stream()
                .filter(r -> r.assertion().equals(assertion)).findFirst());
        if (row.isEmpty()) {
            return NotShown.UNKNOWN;
        }
        for (String other : EMULATORS) {
            FidelityMatrix.Cell cell = row.get().byTarget().get(other);
            if (!other.equals(emulator) && cell != null && cell.status() == Status.PASS) {
                return other;
            }
        }
        return NotShown.ONLY_AWS;
    }

    /** How many skipped assertions each other emulator can prove, in suggestion order. */
    public Map<String, Integer> provableWith() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String emulator : EMULATORS) {
            int n = (int) notShown.stream().filter(s -> s.elsewhere().equals(emulator)).count();
            if (n > 0) counts.put(emulator, n);
        }
        return counts;
    }

    /** The labs with an assertion that {@code emulator} can prove and this run could not. */
    public List<String> labsProvableWith(String emulator) {
        return notShown.stream().filter(s -> s.elsewhere().equals(emulator)).map(NotShown::lab).distinct().toList();
    }

    public int onlyOnAws() {
        return (int) notShown.stream().filter(s -> s.elsewhere().equals(NotShown.ONLY_AWS)).count();
    }

    /** "6 of 7 proven on moto; 1 not shown here: 1 can be proven with --target localstack". */
    public String sentence() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d of %d proven on %s", proven, assertions, target));
        if (provenLocally > 0) {
            s.append(String.format(Locale.ROOT, ", %d more on this machine alone (local %s, not the target's)",
                    provenLocally, provenLocally == 1 ? "proof" : "proofs"));
        }
        List<String> bad = new ArrayList<>();
        if (failed > 0) bad.add(failed + " failed");
        if (errors > 0) bad.add(errors + (errors == 1 ? " error" : " errors"));
        if (!bad.isEmpty()) s.append("; ").append(String.join(", ", bad));
        if (notShown.isEmpty()) {
            return s.toString();
        }
        s.append("; ").append(notShown.size()).append(" not shown here");
        List<String> where = new ArrayList<>();
        provableWith().forEach((emulator, n) -> where.add(n + " can be proven with --target " + emulator));
        if (onlyOnAws() > 0) where.add(onlyOnAws() + " only on AWS");
        int unknown = notShown.size() - provableWith().values().stream().mapToInt(Integer::intValue).sum() - onlyOnAws();
        if (where.isEmpty()) {
            return s.append(" (the reasons say why)").toString();
        }
        if (unknown > 0) where.add(unknown + " for the reasons given");
        return s.append(": ").append(String.join(", ", where)).toString();
    }
}
