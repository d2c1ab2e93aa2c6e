package io.awslabs.lab;

import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.TextFile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a learner reads of a challenge, in one language: English is its {@link ChallengeInfo}; the
 * others are the {@code challenge.*} keys of its lab's text file ({@link LabText}): {@code
 * challenge.goal}, {@code challenge.creates.1..n}, {@code challenge.check.<id>}, {@code
 * challenge.hint.1} and {@code .2} (the third hint is AWS CLI commands), {@code challenge.gap.<emulator>.<id>},
 * {@code challenge.resource.<role>} (what a scaffold's resource is, with the same placeholders).
 */
public final class ChallengeText implements OutcomeRecord.Texts {
    private final ChallengeInfo info;
    private final Map<String, String> texts;

    private ChallengeText(ChallengeInfo info, Map<String, String> texts) {
        this.info = info;
        this.texts = texts;
    }

    public static ChallengeText of(Challenge challenge, Lang lang) {
        Map<String, String> texts = lang == Lang.EN ? Map.of()
                : TextFile.read(challenge.getClass(), LabText.fileName(challenge.labId(), lang)).orElse(Map.of());
        return new ChallengeText(challenge.info(), texts);
    }

    /** Every key a translation of {@code info} must have. */
    public static Set<String> keysOf(ChallengeInfo info) {
        Set<String> keys = new LinkedHashSet<>(List.of("challenge.goal"));
        keys.addAll(LabText.numbered("challenge.creates", info.creates().size()));
        info.checks().forEach(c -> keys.add("challenge.check." + c.id()));
        keys.addAll(LabText.numbered("challenge.hint", info.hints().size()));
        info.gaps().forEach(g -> keys.add(LabText.gapKey("challenge.gap", g)));
        info.resources().keySet().forEach(role -> keys.add("challenge.resource." + role));
        return keys;
    }

    public ChallengeInfo info() { return info; }
    public String goal() { return text("challenge.goal", info.goal()); }
    public String statement(String checkId) { return text("challenge.check." + checkId, info.statementOf(checkId)); }
    public String gapReason(Gap gap) { return text(LabText.gapKey("challenge.gap", gap), gap.reason()); }
    public List<String> creates() { return numbered("challenge.creates", info.creates()); }
    public List<String> hints() { return numbered("challenge.hint", info.hints()); }

    /** What a resource of the scaffold is; one kept by a version without its values reads as it was recorded. */
    public String about(Scaffold.Item item) {
        String text = texts.get("challenge.resource." + item.role());
        return text == null || item.aboutArgs() == null ? item.about() : Messages.fill(text, item.aboutArgs().toArray());
    }

    private List<String> numbered(String prefix, List<String> english) {
        return LabText.translated(texts, prefix, english);
    }

    private String text(String key, String english) {
        return texts.getOrDefault(key, english);
    }
}
