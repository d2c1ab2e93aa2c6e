package io.awslabs.lab;

import io.awslabs.report.AssertionRecord;
import io.awslabs.report.Status;
import io.awslabs.targets.Target;
import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records a challenge's checks as assertions of a report: a FAIL carries the learner's sentence
 * as its reason, and a declared emulator gap turns into SKIPPED only an outcome with its symptom,
 * as for a lab's assertions.
 */
final class CheckRecorder implements ChallengeChecks {
    private final Challenge challenge;
    private final ChallengeInfo info;
    private final Target target;
    private final Progress progress;
    private final String labId;
    private final List<AssertionRecord> records = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<Lang, ChallengeText> texts = new EnumMap<>(Lang.class);

    CheckRecorder(Challenge challenge, Target target, Progress progress, String labId) {
        this.challenge = challenge;
        this.info = challenge.info();
        this.target = target;
        this.progress = progress;
        this.labId = labId;
    }

    @Override
    public void that(String checkId, Body body) {
        String statement = info.statementOf(checkId);
        if (!seen.add(checkId)) {
            throw new IllegalStateException("check " + checkId + " ran twice");
        }
        CheckProof proof = new CheckProof();
        long started = System.nanoTime();
        Status status;
        String reason = null;
        Words worded = null;
        Throwable error = null;
        try {
            body.check(proof);
            status = Status.PASS;
        } catch (Proof.NotHeld e) {
            status = Status.FAIL;
            worded = proof.failure()::in;
            reason = worded.in(Lang.EN);
        } catch (Proof.Skipped e) {
            status = Status.SKIPPED;
            worded = e.reason()::in;
            reason = worded.in(Lang.EN);
        } catch (Exception e) {
            status = Status.ERROR;
            reason = Proof.describe(e);
            error = e;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Proof.CheckRecord failed = status == Status.FAIL ? proof.proof().failedCheck() : null;
        record(checkId, statement, status, worded, reason, proof.proof(), new AssertionOutcome(failed, error), millis);
    }

    private void record(String id, String statement, Status status, Words worded, String reason, Proof proof,
                        AssertionOutcome outcome, long millis) {
        AssertionRecord rec = OutcomeRecord.of(id, statement, status, worded, reason, proof, outcome, millis, false,
                target.emulator().flatMap(e -> info.gapFor(e.kind(), id)), this::text);
        records.add(rec);
        progress.assertion(labId, rec);
    }

    /**
     * Every declared check in declaration order; one never reached is SKIPPED with the reason the
     * target cannot serve the lab, or an ERROR saying why the checks stopped.
     */
    List<AssertionRecord> records(Said skipReason, String stoppedBecause) {
        List<AssertionRecord> all = new ArrayList<>();
        for (LabInfo.AssertionInfo declared : info.checks()) {
            Optional<AssertionRecord> done = records.stream().filter(r -> r.id().equals(declared.id())).findFirst();
            all.add(done.orElseGet(() -> unreached(declared, skipReason, stoppedBecause)));
        }
        return all;
    }

    private AssertionRecord unreached(LabInfo.AssertionInfo declared, Said skipReason, String stoppedBecause) {
        Status status = skipReason != null ? Status.SKIPPED : Status.ERROR;
        Words reason = skipReason != null ? Words.cannotRun(skipReason) : Words.checkNotReached(stoppedBecause);
        return new AssertionRecord(declared.id(), declared.statement(), status, null, null, reason.in(Lang.EN), null,
                Map.of(), List.of(), 0, false, Words.translations(lang -> text(lang).statement(declared.id()), reason));
    }

    private ChallengeText text(Lang lang) {
        return texts.computeIfAbsent(lang, l -> ChallengeText.of(challenge, l));
    }
}
