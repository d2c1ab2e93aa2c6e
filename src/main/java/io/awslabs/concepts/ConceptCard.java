package io.awslabs.concepts;

import io.awslabs.text.Lang;
import java.util.List;

/**
 * A concept of the exam that no emulator can show and no sandbox run should pay for, explained
 * instead of run: its topic id, the language it is written in, its title (the card's first line)
 * and its text, whose sections are the concept, the exam angle and the trap, the services it is
 * confused with, why there is no lab, and the sources.
 */
public record ConceptCard(String topic, Lang lang, String title, String text) {

    /** The section headings every card in {@code lang} has, in this order: the same sections in every language. */
    public static List<String> sections(Lang lang) {
        return switch (lang) {
            case EN -> List.of("Concept", "Exam angle and the trap", "Confused with", "Why there is no lab", "Sources");
            case ZH -> List.of("概念", "考试角度与陷阱", "容易混淆的概念", "为什么没有实验", "资料来源");
        };
    }

    /** The card's URLs, one per line of its last section, the sources. */
    public List<String> sources() {
        List<String> sections = sections(lang);
        int from = text.indexOf("\n" + sections.get(sections.size() - 1) + "\n");
        return from < 0 ? List.of() : text.substring(from).lines().map(String::strip).filter(l -> l.startsWith("https://"))
                .toList();
    }
}
