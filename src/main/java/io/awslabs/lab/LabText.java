package io.awslabs.lab;

import io.awslabs.text.Lang;
import io.awslabs.text.TextFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a learner reads of a lab, in one language. English is the lab's {@link LabInfo}; every other
 * language is one file next to the lab's class, {@code <lab-id>.<lang>.properties}, that also holds
 * the challenge's texts ({@link ChallengeText}). Its keys are {@link #keysOf}: {@code title},
 * {@code concept}, {@code examAngle}, {@code cost}, {@code creates.1..n}, {@code assert.<id>},
 * {@code awsOnly.<id>}, {@code gap.<emulator>.<id>}, {@code option.<name>}, {@code optionOnAws.<name>} (why an
 * option must be set on AWS), {@code note.1..n}, {@code runNote.<name>} (a note written during a run).
 * A text the file lacks reads in English; {@code LabTextsTest} fails the build when a lab lacks one.
 */
public final class LabText implements OutcomeRecord.Texts {
    private final LabInfo info;
    private final Lang lang;
    private final Map<String, String> texts;

    private LabText(LabInfo info, Lang lang, Map<String, String> texts) {
        this.info = info;
        this.lang = lang;
        this.texts = texts;
    }

    public static LabText of(Lab lab, Lang lang) {
        return of(lab.getClass(), lab.info(), lang);
    }

    /** The texts of the lab {@code info} describes, looked up next to {@code labClass}. */
    public static LabText of(Class<?> labClass, LabInfo info, Lang lang) {
        Map<String, String> texts = lang == Lang.EN ? Map.of()
                : TextFile.read(labClass, fileName(info.id(), lang)).orElse(Map.of());
        return new LabText(info, lang, texts);
    }

    public static String fileName(String labId, Lang lang) {
        return labId + "." + lang.tag() + ".properties";
    }

    /** Every key a translation of {@code info} must have. */
    public static Set<String> keysOf(LabInfo info) {
        Set<String> keys = new LinkedHashSet<>(List.of("title"));
        if (!info.concept().isBlank()) keys.add("concept");
        if (!info.examAngle().isBlank()) keys.add("examAngle");
        if (!info.costNote().isBlank()) keys.add("cost");
        keys.addAll(numbered("creates", info.creates().size()));
        info.assertions().forEach(a -> keys.add("assert." + a.id()));
        info.awsOnly().keySet().stream().sorted().forEach(id -> keys.add("awsOnly." + id));
        info.gaps().forEach(g -> keys.add(gapKey("gap", g)));
        info.options().forEach(o -> keys.add("option." + o.name()));
        info.options().stream().filter(o -> o.onAws() != null).forEach(o -> keys.add("optionOnAws." + o.name()));
        keys.addAll(numbered("note", info.notes().size()));
        info.runNotes().keySet().forEach(name -> keys.add("runNote." + name));
        return keys;
    }

    static List<String> numbered(String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= count; i++) keys.add(prefix + "." + i);
        return keys;
    }

    static String gapKey(String prefix, Gap gap) {
        return prefix + "." + gap.emulator().id() + "." + gap.assertionId();
    }

    public Lang lang() { return lang; }
    public LabInfo info() { return info; }
    public String id() { return info.id(); }
    public String title() { return text("title", info.title()); }
    public String concept() { return text("concept", info.concept()); }
    public String examAngle() { return text("examAngle", info.examAngle()); }
    public String costNote() { return text("cost", info.costNote()); }
    public List<String> creates() { return numbered("creates", info.creates()); }
    public List<String> notes() { return numbered("note", info.notes()); }
    public String statement(String assertionId) { return text("assert." + assertionId, info.statementOf(assertionId)); }
    public String awsOnlyReason(String assertionId) { return text("awsOnly." + assertionId, info.awsOnly().get(assertionId)); }
    public String gapReason(Gap gap) { return text(gapKey("gap", gap), gap.reason()); }
    public String runNote(String name) { return text("runNote." + name, info.runNoteOf(name)); }

    public String optionDescription(LabOption option) {
        return text("option." + option.name(), option.description());
    }

    /** Why the option must be set on AWS ({@link LabOption.OnAws#why}). */
    public String optionOnAwsReason(LabOption option) {
        return text("optionOnAws." + option.name(), option.onAws().why());
    }

    /** The statement of every assertion, in declaration order. */
    public Map<String, String> statements() {
        Map<String, String> statements = new LinkedHashMap<>();
        info.assertions().forEach(a -> statements.put(a.id(), statement(a.id())));
        return statements;
    }

    private List<String> numbered(String prefix, List<String> english) {
        return translated(texts, prefix, english);
    }

    /** {@code english}'s items as {@code texts} has them under prefix.1, prefix.2, ..., each in English where missing. */
    static List<String> translated(Map<String, String> texts, String prefix, List<String> english) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < english.size(); i++) out.add(texts.getOrDefault(prefix + "." + (i + 1), english.get(i)));
        return out;
    }

    private String text(String key, String english) {
        return texts.getOrDefault(key, english);
    }
}
