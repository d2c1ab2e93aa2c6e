package io.awslabs.lab;

import io.awslabs.resources.IamActions;
import io.awslabs.resources.ResourceKind;
import io.awslabs.targets.ApiAction;
import io.awslabs.targets.EmulatorKind;
import io.awslabs.text.Lang;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a lab is about, what it creates and what it proves: everything {@code labs describe}
 * shows, known without calling AWS.
 */
public final class LabInfo {
    private final String id;
    private final String title;
    private String concept = "";
    private String examAngle = "";
    private final List<String> services = new ArrayList<>();
    private final List<ApiAction> apis = new ArrayList<>();
    private double costPerRunUsd;
    private String costNote = "";
    private final Set<String> calls = new LinkedHashSet<>();
    private final List<ResourceKind> provisions = new ArrayList<>();
    private final List<String> creates = new ArrayList<>();
    private final List<AssertionInfo> assertions = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> runNotes = new LinkedHashMap<>();
    private final List<String> sources = new ArrayList<>();
    private final List<Gap> gaps = new ArrayList<>();
    private final Map<String, String> awsOnly = new LinkedHashMap<>();
    private final List<LabOption> options = new ArrayList<>();
    private final Map<String, List<String>> onAwsNeeds = new LinkedHashMap<>();
    private final Set<String> provenLocally = new LinkedHashSet<>();
    private String runsAlone;
    private ExamFit exam;

    private LabInfo(String id, String title) {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("lab id must be kebab-case: " + id);
        }
        this.id = id;
        this.title = title;
    }

    public static LabInfo of(String id, String title) {
        return new LabInfo(id, title);
    }

    public LabInfo concept(String text) { this.concept = text; return this; }
    public LabInfo examAngle(String text) { this.examAngle = text; return this; }
    public LabInfo services(String... names) { services.addAll(List.of(names)); return this; }

    /**
     * An action the lab cannot do without, of one of its services: a target whose emulator serves
     * the service but is known not to implement the action skips the lab as one lacking a service.
     */
    public LabInfo needsApi(String service, String action) { apis.add(new ApiAction(service, action)); return this; }
    public LabInfo costPerRunUsd(double usd, String why) { this.costPerRunUsd = usd; this.costNote = why; return this; }

    /**
     * The IAM actions of the lab's own calls (its steps' and assertions' requests, and what AWS
     * authorizes with them, such as iam:PassRole for an instance profile), beyond what its
     * {@link #provisions kinds} declare; each must read {@code service:Action}.
     */
    public LabInfo calls(String... actions) {
        calls.addAll(IamActions.checked(List.of(actions)));
        return this;
    }

    /**
     * The resource kinds the lab creates through: their create, tag, delete and sweep actions are
     * part of what the lab needs, and creating through a kind not declared here is refused.
     */
    public LabInfo provisions(ResourceKind... kinds) {
        for (ResourceKind kind : kinds) {
            if (!declares(kind)) {
                provisions.add(kind);
            }
        }
        return this;
    }

    /** Whether the lab declares this very kind (kinds are singletons, compared by identity). */
    public boolean declares(ResourceKind kind) {
        return provisions.stream().anyMatch(k -> k == kind);
    }

    public LabInfo creates(String... resources) { creates.addAll(List.of(resources)); return this; }
    public LabInfo asserts(String assertionId, String statement) { assertions.add(new AssertionInfo(assertionId, statement)); return this; }
    public LabInfo note(String text) { notes.add(text); return this; }

    /**
     * A note the lab may write during a run ({@link LabContext#note(String, Object...)}), with
     * {@code {0}}, {@code {1}} for that run's values: declared here so that its Chinese is required
     * as the other texts are (key {@code runNote.<name>}).
     */
    public LabInfo runNote(String name, String text) { runNotes.put(name, text); return this; }
    public LabInfo source(String url) { sources.add(url); return this; }

    /** A gap of this emulator for one of the lab's assertions: see {@link Gap}. */
    public LabInfo gap(EmulatorKind emulator, String assertionId, Symptom symptom, String reason, String source) {
        gaps.add(new Gap(emulator, assertionId, symptom, reason, source));
        return this;
    }

    /**
     * An assertion only real AWS can show (content served at a *.cloudfront.net name, say): on any
     * emulator it is not attempted, and reported SKIPPED with this reason.
     */
    public LabInfo awsOnly(String assertionId, String reason) {
        awsOnly.put(assertionId, reason);
        return this;
    }

    public LabInfo option(LabOption option) { options.add(option); return this; }

    /**
     * These assertions use only this machine (the local JDK's TLS client, say), never the target:
     * reports mark them as local proofs and count their PASS apart from what the target proved.
     */
    public LabInfo provenLocally(String... assertionIds) {
        provenLocally.addAll(List.of(assertionIds));
        return this;
    }

    public Set<String> provenLocally() { return Set.copyOf(provenLocally); }

    /**
     * On AWS this assertion is proven only when these declared options are given (a domain of the
     * user's, an opt-in wait for a deployment); without them the lab skips it there.
     */
    public LabInfo onAwsNeeds(String assertionId, String... optionNames) {
        onAwsNeeds.put(assertionId, List.of(optionNames));
        return this;
    }

    public Map<String, List<String>> onAwsNeeds() { return Map.copyOf(onAwsNeeds); }

    /**
     * What AWS is expected to answer to this assertion when no AWS run says: "expected PASS", or
     * "SKIPPED unless --option ..." with what the declared options need ("=true" for a flag). A
     * flag that is on by default is not needed: the assertion is expected to pass, and the text
     * says which --option leaves it out.
     */
    public String awsExpectation(String assertionId) {
        return awsExpectation(assertionId, Lang.EN);
    }

    /**
     * The same in {@code lang}, for a learner to read; the English form is the stable one that the
     * fidelity JSON and docs/fidelity.md keep.
     */
    public String awsExpectation(String assertionId, Lang lang) {
        List<LabOption> needed = onAwsNeeds.getOrDefault(assertionId, List.of()).stream().map(name -> options.stream()
                .filter(o -> o.name().equals(name)).findFirst().orElseThrow(
                        () -> new IllegalStateException(id + ": " + assertionId + " needs an undeclared option " + name)))
                .toList();
        List<LabOption> onByDefault = needed.stream()
                .filter(o -> o.type() == LabOption.Type.BOOLEAN && "true".equals(o.defaultValue())).toList();
        List<LabOption> missing = needed.stream().filter(o -> !onByDefault.contains(o)).toList();
        if (!missing.isEmpty()) {
            return LabOptions.say("expectation.skippedUnless", String.join(" ", missing.stream().map(o -> "--option "
                    + o.name() + "=" + (o.type() == LabOption.Type.BOOLEAN ? "true" : "...")).toList())).in(lang);
        }
        if (!onByDefault.isEmpty()) {
            return LabOptions.say("expectation.passUnless", String.join(" ", onByDefault.stream()
                    .map(o -> "--option " + o.name() + "=false").toList())).in(lang);
        }
        return LabOptions.say("expectation.pass").in(lang);
    }

    /** The lab needs the target to itself (it changes how the target behaves for everyone): why. */
    public LabInfo runsAlone(String why) { this.runsAlone = why; return this; }
    /** The exam domain and task statement the lab practises, and the learner's questions it answers. */
    public LabInfo exam(ExamDomain domain, String taskStatement, Integer... questions) {
        this.exam = new ExamFit(domain, taskStatement, List.of(questions));
        return this;
    }

    public String id() { return id; }
    public String title() { return title; }
    public String concept() { return concept; }
    public String examAngle() { return examAngle; }
    public List<String> services() { return List.copyOf(services); }
    public List<ApiAction> apis() { return List.copyOf(apis); }
    public double costPerRunUsd() { return costPerRunUsd; }
    public String costNote() { return costNote; }
    public Set<String> calls() { return Collections.unmodifiableSet(calls); }
    public List<ResourceKind> provisions() { return List.copyOf(provisions); }
    public List<String> creates() { return List.copyOf(creates); }
    public List<AssertionInfo> assertions() { return List.copyOf(assertions); }
    public List<String> notes() { return List.copyOf(notes); }
    public List<String> sources() { return List.copyOf(sources); }
    public List<Gap> gaps() { return List.copyOf(gaps); }
    public Map<String, String> awsOnly() { return Map.copyOf(awsOnly); }
    public Map<String, String> runNotes() { return Collections.unmodifiableMap(runNotes); }

    /** The English of a declared run note; a note the lab does not declare is a bug of the lab. */
    public String runNoteOf(String name) {
        String text = runNotes.get(name);
        if (text == null) {
            throw new IllegalArgumentException("lab " + id() + " declares no run note " + name + ": add .runNote(...)");
        }
        return text;
    }
    public List<LabOption> options() { return List.copyOf(options); }
    public Optional<String> runsAlone() { return Optional.ofNullable(runsAlone); }
    public Optional<ExamFit> exam() { return Optional.ofNullable(exam); }

    public Optional<Gap> gapFor(EmulatorKind emulator, String assertionId) {
        return gaps.stream().filter(g -> g.emulator() == emulator && g.assertionId().equals(assertionId)).findFirst();
    }

    public Optional<LabOption> optionNamed(String name) {
        return options.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Statement declared for an assertion id, so a lab states each behaviour once. */
    public String statementOf(String assertionId) {
        return assertions.stream().filter(a -> a.id().equals(assertionId)).map(AssertionInfo::statement)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lab " + id + " declares no assertion " + assertionId));
    }

    public record AssertionInfo(String id, String statement) { }
}
