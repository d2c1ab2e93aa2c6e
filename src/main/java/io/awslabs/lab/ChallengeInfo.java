package io.awslabs.lab;

import io.awslabs.targets.EmulatorKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a challenge asks of the learner and how it judges the answer: the goal in the learner's
 * terms (what must be true, not which call makes it so), what the scaffold creates, each check's
 * statement, the first two hint levels (the feature; the API or console setting; the third is the
 * solution's AWS CLI commands), files the learner is asked to write, the resources the scaffold
 * gives the learner with what each is for, and the emulator gaps of the checks, declared with
 * their symptoms as a lab declares its own.
 */
public final class ChallengeInfo {
    private final String goal;
    private final List<String> creates = new ArrayList<>();
    private final List<LabInfo.AssertionInfo> checks = new ArrayList<>();
    private final List<String> hints = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<Gap> gaps = new ArrayList<>();
    private final Map<String, String> resources = new LinkedHashMap<>();

    private ChallengeInfo(String goal) {
        if (goal == null || goal.isBlank()) {
            throw new IllegalArgumentException("a challenge needs a goal");
        }
        this.goal = goal;
    }

    public static ChallengeInfo goal(String goal) {
        return new ChallengeInfo(goal);
    }

    public ChallengeInfo creates(String... resources) { creates.addAll(List.of(resources)); return this; }

    public ChallengeInfo check(String checkId, String statement) {
        if (checks.stream().anyMatch(c -> c.id().equals(checkId))) {
            throw new IllegalArgumentException("check " + checkId + " declared twice");
        }
        checks.add(new LabInfo.AssertionInfo(checkId, statement));
        return this;
    }

    /** Hint 1 names the feature to use, hint 2 the API call or console setting; hint 3 is {@link Challenge#commands}. */
    public ChallengeInfo hints(String feature, String apiOrConsole) {
        hints.clear();
        hints.add(feature);
        hints.add(apiOrConsole);
        return this;
    }

    /** A file the learner writes into the challenge's work directory (a presigned URL, an encrypted data key). */
    public ChallengeInfo file(String name) { files.add(name); return this; }

    /**
     * A resource the scaffold hands the learner, by its role in the task ("bucket"), and what it is
     * in a few words; {@code {0}}, {@code {1}} stand for what is known only once it exists (a zone,
     * an address), given to {@link Scaffold.Builder#item}. Declared here so that its Chinese is
     * required like every other text of the challenge.
     */
    public ChallengeInfo resource(String role, String about) {
        if (resources.putIfAbsent(role, about) != null) {
            throw new IllegalArgumentException("resource " + role + " declared twice");
        }
        return this;
    }

    public ChallengeInfo gap(EmulatorKind emulator, String checkId, Symptom symptom, String reason, String source) {
        gaps.add(new Gap(emulator, checkId, symptom, reason, source));
        return this;
    }

    public String goal() { return goal; }
    public List<String> creates() { return List.copyOf(creates); }
    public List<LabInfo.AssertionInfo> checks() { return List.copyOf(checks); }
    public List<String> hints() { return List.copyOf(hints); }
    public List<String> files() { return List.copyOf(files); }
    public List<Gap> gaps() { return List.copyOf(gaps); }
    /** Each resource's role and what it is, with its placeholders. */
    public Map<String, String> resources() { return Collections.unmodifiableMap(resources); }

    public Optional<Gap> gapFor(EmulatorKind emulator, String checkId) {
        return gaps.stream().filter(g -> g.emulator() == emulator && g.assertionId().equals(checkId)).findFirst();
    }

    public String statementOf(String checkId) {
        return checks.stream().filter(c -> c.id().equals(checkId)).map(LabInfo.AssertionInfo::statement).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the challenge declares no check " + checkId));
    }
}
