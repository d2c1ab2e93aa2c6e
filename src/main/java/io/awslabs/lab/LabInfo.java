package io.awslabs.lab;

import java.util.ArrayList;
import java.util.List;

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
    private double costPerRunUsd;
    private String costNote = "";
    private final List<String> iamActions = new ArrayList<>();
    private final List<String> creates = new ArrayList<>();
    private final List<AssertionInfo> assertions = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> sources = new ArrayList<>();

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
    public LabInfo costPerRunUsd(double usd, String why) { this.costPerRunUsd = usd; this.costNote = why; return this; }
    public LabInfo iamActions(String... actions) { iamActions.addAll(List.of(actions)); return this; }
    public LabInfo creates(String... resources) { creates.addAll(List.of(resources)); return this; }
    public LabInfo asserts(String assertionId, String statement) { assertions.add(new AssertionInfo(assertionId, statement)); return this; }
    public LabInfo note(String text) { notes.add(text); return this; }
    public LabInfo source(String url) { sources.add(url); return this; }

    public String id() { return id; }
    public String title() { return title; }
    public String concept() { return concept; }
    public String examAngle() { return examAngle; }
    public List<String> services() { return List.copyOf(services); }
    public double costPerRunUsd() { return costPerRunUsd; }
    public String costNote() { return costNote; }
    public List<String> iamActions() { return List.copyOf(iamActions); }
    public List<String> creates() { return List.copyOf(creates); }
    public List<AssertionInfo> assertions() { return List.copyOf(assertions); }
    public List<String> notes() { return List.copyOf(notes); }
    public List<String> sources() { return List.copyOf(sources); }

    /** Statement declared for an assertion id, so a lab states each behaviour once. */
    public String statementOf(String assertionId) {
        return assertions.stream().filter(a -> a.id().equals(assertionId)).map(AssertionInfo::statement)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("lab " + id + " declares no assertion " + assertionId));
    }

    public record AssertionInfo(String id, String statement) { }
}
