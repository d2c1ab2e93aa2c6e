package io.awslabs.challenge;

import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.ExamFit;
import io.awslabs.lab.LabInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How much of the exam the learner's completed challenges cover: per domain, the labs that
 * practise it, those whose challenge the learner completed, and the task statements of both; in
 * all, each domain's weight times the share of its labs completed.
 */
public record ExamCoverage(List<Domain> domains, double coveredPercent, double withLabsPercent) {

    /** One exam domain: its labs, the completed ones, and the task statements each set practises. */
    public record Domain(ExamDomain domain, List<String> labs, List<String> completed, SortedSet<String> tasks,
                         SortedSet<String> completedTasks) {
        /** The part of the exam's weight this domain's completed labs stand for. */
        public double coveredPercent() {
            return labs.isEmpty() ? 0 : domain.weightPercent() * (double) completed.size() / labs.size();
        }
    }

    public static ExamCoverage of(List<LabInfo> labs, Map<String, ProgressBook.LabProgress> progress) {
        Map<ExamDomain, Domain> byDomain = new EnumMap<>(ExamDomain.class);
        for (ExamDomain d : ExamDomain.values()) {
            byDomain.put(d, new Domain(d, new ArrayList<>(), new ArrayList<>(), new TreeSet<>(), new TreeSet<>()));
        }
        for (LabInfo lab : labs) {
            Optional<ExamFit> fit = lab.exam();
            if (fit.isEmpty()) {
                continue;
            }
            Domain domain = byDomain.get(fit.get().domain());
            domain.labs().add(lab.id());
            domain.tasks().add(fit.get().taskStatement());
            ProgressBook.LabProgress done = progress.get(lab.id());
            if (done != null && done.best().complete()) {
                domain.completed().add(lab.id());
                domain.completedTasks().add(fit.get().taskStatement());
            }
        }
        List<Domain> domains = List.copyOf(byDomain.values());
        double covered = domains.stream().mapToDouble(Domain::coveredPercent).sum();
        double withLabs = domains.stream().filter(d -> !d.labs().isEmpty()).mapToInt(d -> d.domain().weightPercent()).sum();
        return new ExamCoverage(domains, covered, withLabs);
    }
}
