package io.awslabs.report;

import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        return sentence(Lang.EN);
    }

    public String sentence(Lang lang) {
        Messages say = ReportText.words(lang);
        String s = say.get("proven.base", proven, assertions, target);
        if (provenLocally > 0) {
            s = say.get(provenLocally == 1 ? "proven.local.one" : "proven.local.many", s, provenLocally);
        }
        List<String> bad = new ArrayList<>();
        if (failed > 0) bad.add(say.get("proven.failed", failed));
        if (errors > 0) bad.add(say.get(errors == 1 ? "proven.error.one" : "proven.error.many", errors));
        if (!bad.isEmpty()) s = say.get("join.clause", s, ReportText.list(bad, lang));
        if (notShown.isEmpty()) {
            return s;
        }
        s = say.get("join.clause", s, say.get("proven.notShown", notShown.size()));
        List<String> where = new ArrayList<>();
        provableWith().forEach((emulator, n) -> where.add(say.get("proven.provableWith", n, emulator)));
        if (onlyOnAws() > 0) where.add(say.get("proven.onlyAws", onlyOnAws()));
        int unknown = notShown.size() - provableWith().values().stream().mapToInt(Integer::intValue).sum() - onlyOnAws();
        if (where.isEmpty()) {
            return say.get("proven.reasonsSayWhy", s);
        }
        if (unknown > 0) where.add(say.get("proven.forReasonsGiven", unknown));
        return say.get("join.colon", s, ReportText.list(where, lang));
    }
}
