package io.awslabs.concepts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The concept cards, read from the jar's text resources: {@code io/awslabs/concepts/index.txt}
 * lists the topics in the order {@code labs explain} shows them, and each topic is one file,
 * {@code <topic>.txt}, so a translation can sit beside it as {@code <topic>.<language>.txt}.
 */
public final class ConceptCards {
    private static final String DIR = "/io/awslabs/concepts/";

    private final List<ConceptCard> cards;

    public ConceptCards() {
        List<ConceptCard> read = new ArrayList<>();
        for (String topic : read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String text = read(topic + ".txt");
            read.add(new ConceptCard(topic, text.lines().findFirst().orElse(topic).strip(), text));
        }
        this.cards = List.copyOf(read);
    }

    public List<ConceptCard> all() {
        return cards;
    }

    public List<String> topics() {
        return cards.stream().map(ConceptCard::topic).toList();
    }

    public Optional<ConceptCard> find(String topic) {
        return cards.stream().filter(c -> c.topic().equals(topic)).findFirst();
    }

    private static String read(String name) {
        try (InputStream in = ConceptCards.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("concept card resource missing from the jar: " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
