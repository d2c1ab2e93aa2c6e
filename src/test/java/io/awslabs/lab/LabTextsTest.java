package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.challenge.ChallengeCatalog;
import io.awslabs.text.Lang;
import io.awslabs.text.TextFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every lab reads in every language: its text file has exactly the keys its info and its
 * challenge's declare, each written in that language. On failure the message lists, per lab, the
 * missing keys with their English and the keys nothing declares any more.
 */
class LabTextsTest {
    private static final List<Lang> TRANSLATED = List.of(Lang.ZH);

    @Test
    void everyLabAndChallengeHasEveryTextInChinese() {
        List<String> problems = new ArrayList<>();
        for (Lab lab : new LabCatalog().all()) {
            LabInfo info = lab.info();
            Optional<Challenge> challenge = new ChallengeCatalog().forLab(info.id());
            Set<String> expected = new LinkedHashSet<>(LabText.keysOf(info));
            challenge.ifPresent(c -> expected.addAll(ChallengeText.keysOf(c.info())));
            Map<String, String> english = englishOf(lab, challenge);
            for (Lang lang : TRANSLATED) {
                String file = LabText.fileName(info.id(), lang);
                Optional<Map<String, String>> found = TextFile.read(lab.getClass(), file);
                if (found.isEmpty()) {
                    problems.add(info.id() + ": no " + file + " in the resources of " + lab.getClass().getPackageName()
                            + "; it needs every key below");
                }
                Map<String, String> texts = found.orElse(Map.of());
                for (String key : expected) {
                    String text = texts.get(key);
                    if (text == null || text.isBlank()) {
                        problems.add(info.id() + ": " + file + " lacks " + key + " = " + english.get(key));
                    } else if (lang == Lang.ZH && text.codePoints().noneMatch(LabTextsTest::isHan)) {
                        problems.add(info.id() + ": " + file + " " + key + " is not written in Chinese: " + text);
                    }
                }
                texts.keySet().stream().filter(k -> !expected.contains(k))
                        .forEach(k -> problems.add(info.id() + ": " + file + " has " + k + ", which the lab no longer declares"));
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void aLabWithoutATranslationReadsInEnglish() {
        LabInfo info = LabInfo.of("no-such-translation", "A title").concept("A concept").asserts("a", "A statement");
        LabText zh = LabText.of(LabTextsTest.class, info, Lang.ZH);
        assertThat(List.of(zh.title(), zh.concept(), zh.statement("a"))).containsExactly("A title", "A concept", "A statement");
    }

    private static Map<String, String> englishOf(Lab lab, Optional<Challenge> challenge) {
        LabText en = LabText.of(lab, Lang.EN);
        Map<String, String> english = new HashMap<>();
        english.put("title", en.title());
        english.put("concept", en.concept());
        english.put("examAngle", en.examAngle());
        english.put("cost", en.costNote());
        indexed(english, "creates", en.creates());
        indexed(english, "note", en.notes());
        en.statements().forEach((id, s) -> english.put("assert." + id, s));
        en.info().awsOnly().forEach((id, r) -> english.put("awsOnly." + id, r));
        en.info().gaps().forEach(g -> english.put(LabText.gapKey("gap", g), g.reason()));
        en.info().options().forEach(o -> english.put("option." + o.name(), o.description()));
        challenge.ifPresent(c -> {
            ChallengeInfo ci = c.info();
            english.put("challenge.goal", ci.goal());
            indexed(english, "challenge.creates", ci.creates());
            indexed(english, "challenge.hint", ci.hints());
            ci.checks().forEach(k -> english.put("challenge.check." + k.id(), k.statement()));
            ci.gaps().forEach(g -> english.put(LabText.gapKey("challenge.gap", g), g.reason()));
        });
        return english;
    }

    private static void indexed(Map<String, String> into, String prefix, List<String> texts) {
        for (int i = 0; i < texts.size(); i++) into.put(prefix + "." + (i + 1), texts.get(i));
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
