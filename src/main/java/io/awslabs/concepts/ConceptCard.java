package io.awslabs.concepts;

import java.util.List;

/**
 * A concept of the exam that no emulator can show and no sandbox run should pay for, explained
 * instead of run: its topic id, its title (the card's first line) and its text, whose sections
 * are the concept, the exam angle and the trap, the services it is confused with, why there is
 * no lab, and the sources.
 */
public record ConceptCard(String topic, String title, String text) {

    /** The section headings every card has, in this order. */
    public static final List<String> SECTIONS = List.of("Concept", "Exam angle and the trap", "Confused with",
            "Why there is no lab", "Sources");

    /** The card's URLs, one per line of its Sources section. */
    public List<String> sources() {
        int from = text.indexOf("\nSources\n");
        return from < 0 ? List.of() : text.substring(from).lines().map(String::strip).filter(l -> l.startsWith("https://"))
                .toList();
    }
}
