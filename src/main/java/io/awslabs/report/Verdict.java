package io.awslabs.report;

import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.Said;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The one judgement of a run report. The exit code of {@code labs run}, {@code labs report
 * check}, the headline of every format and the failing cases of the JUnit XML are all read from
 * it, so no two of them can disagree about the same report.
 *
 * <p>The rules: a FAIL or ERROR, a SKIPPED without a reason, a lab that stopped early without an
 * assertion to show for it, and an interrupted run keep a report from proving its labs; a
 * resource teardown did not delete outranks all of them, because it may still cost money.
 */
public record Verdict(Outcome outcome, List<Problem> problems) {

    public enum Outcome {
        PROVEN, PARTIAL, NOT_PROVEN, TEARDOWN_INCOMPLETE;

        /** "Proven", "Partly proven", ...: the first word of every format. */
        public String headline() {
            return headline(Lang.EN);
        }

        public String headline(Lang lang) {
            return ReportText.words(lang).get("verdict." + name());
        }

        /** What the headline means, in one clause. */
        public String meaning() {
            return meaning(Lang.EN);
        }

        public String meaning(Lang lang) {
            return ReportText.words(lang).get("verdict." + name() + ".meaning");
        }

        /** Nothing failed and nothing was left: what exit code 0 means. */
        public boolean clean() {
            return this == PROVEN || this == PARTIAL;
        }
    }

    /** What a problem is about: the whole run, a lab, one of its assertions, or its teardown. */
    public enum Scope { RUN, LAB, ASSERTION, TEARDOWN }

    /**
     * {@code lab} is null for the run's own problems, {@code assertion} for all but assertion
     * problems. What the problem is, {@code said}, reads in either language; the JUnit XML and the
     * record's {@link #text()} are English.
     */
    public record Problem(Scope scope, String lab, String assertion, Said said) {
        public String text() {
            return said.in(Lang.EN);
        }

        /** "lab/assertion: what", in {@code lang}. */
        public String line(Lang lang) {
            Messages say = ReportText.words(lang);
            return switch (scope) {
                case RUN -> said.in(lang);
                case ASSERTION -> say.get("join.colon", lab + "/" + assertion, said.in(lang));
                case LAB, TEARDOWN -> say.get("join.colon", lab, said.in(lang));
            };
        }

        @Override
        public String toString() {
            return line(Lang.EN);
        }
    }

    /** A problem worded in the report bundle; an argument that is itself {@link Said} is said in the same language. */
    private static Said problem(String key, Object... args) {
        return lang -> ReportText.words(lang).get(key, Arrays.stream(args)
                .map(a -> a instanceof Said s ? s.in(lang) : a).toArray());
    }

    public static Verdict of(RunReport report) {
        List<Problem> problems = new ArrayList<>();
        boolean leftSomething = false;
        boolean skipped = false;
        if (report.wasInterrupted()) {
            List<String> notRun = report.interrupted().labsNotRun();
            problems.add(new Problem(Scope.RUN, null, null, notRun.isEmpty() ? problem("problem.interrupted")
                    : problem("problem.interruptedNeverRan", String.join(", ", notRun))));
        }
        for (LabReport lab : report.labs()) {
            String id = lab.lab().id();
            boolean explained = false;
            for (AssertionRecord a : lab.assertions()) {
                if (a.status().isBad()) {
                    explained = true;
                    problems.add(new Problem(Scope.ASSERTION, id, a.id(), a.reason() == null
                            ? Said.verbatim(a.status().name())
                            : problem("problem.statusBecause", a.status().name(), (Said) a::reason)));
                } else if (a.status() == Status.SKIPPED) {
                    skipped = true;
                    if (a.reason() == null || a.reason().isBlank()) {
                        problems.add(new Problem(Scope.ASSERTION, id, a.id(), problem("problem.skippedWithoutReason")));
                    }
                }
            }
            if (lab.status().isBad() && !explained) {
                int stopped = stoppedEarlyNote(lab);
                problems.add(new Problem(Scope.LAB, id, null, stopped < 0
                        ? problem("problem.labEnded", lab.status().name())
                        : problem("problem.labEndedStopped", lab.status().name(),
                                (Said) lang -> lab.notes(lang).get(stopped))));
            }
            for (TeardownRecord t : lab.teardown()) {
                if (t.outcome().leftSomething()) {
                    leftSomething = true;
                    problems.add(new Problem(Scope.TEARDOWN, id, null,
                            problem("problem.notDeleted", t.type(), t.id(), t.outcome().name())));
                }
            }
        }
        Outcome outcome = leftSomething ? Outcome.TEARDOWN_INCOMPLETE
                : !problems.isEmpty() ? Outcome.NOT_PROVEN
                : skipped ? Outcome.PARTIAL
                : Outcome.PROVEN;
        return new Verdict(outcome, List.copyOf(problems));
    }

    /** The problem of one assertion, if it has one. */
    public Optional<Problem> problemOf(String lab, String assertion) {
        return problems.stream().filter(p -> p.scope() == Scope.ASSERTION && p.lab().equals(lab)
                && p.assertion().equals(assertion)).findFirst();
    }

    /** The problems of a lab within one scope (LAB or TEARDOWN). */
    public List<Problem> problemsOf(String lab, Scope scope) {
        return problems.stream().filter(p -> p.scope() == scope && lab.equals(p.lab())).toList();
    }

    /** The run's own problems (it was interrupted), which belong to no lab. */
    public List<Problem> problemsOfRun() {
        return problems.stream().filter(p -> p.scope() == Scope.RUN).toList();
    }

    /** Every problem as one line, "lab/assertion: what", in {@code lang}, as 'report check' prints them. */
    public List<String> lines(Lang lang) {
        return problems.stream().map(p -> p.line(lang)).toList();
    }

    /** The index of the runner's "lab stopped early" note, found by its English, which every report has; or -1. */
    private static int stoppedEarlyNote(LabReport lab) {
        for (int i = 0; i < lab.notes().size(); i++) {
            if (lab.notes().get(i).startsWith("lab stopped early")) return i;
        }
        return -1;
    }
}
