package io.awslabs.concepts;

import io.awslabs.text.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The concept cards in one language, read from the jar's text resources: {@code
 * io/awslabs/concepts/index.txt} lists the topics in the order {@code labs explain} shows them, and
 * each topic is one file per language, {@code <topic>.txt} in English and {@code <topic>.zh.txt}
 * in Chinese, with the same sections ({@link ConceptCard#sections}).
 */
public final class ConceptCards {
    private static final String DIR = "/io/awslabs/concepts/";

    private final List<ConceptCard> cards;

    public ConceptCards(Lang lang) {
        List<ConceptCard> read = new ArrayList<>();
        for (String topic : read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            String text = read(fileName(topic, lang));
            read.add(new ConceptCard(topic, lang, text.lines().findFirst().orElse(topic).strip(), text));
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

    /** English is the original, {@code <topic>.txt}; a translation sits beside it. */
    static String fileName(String topic, Lang lang) {
        return lang == Lang.EN ? topic + ".txt" : topic + "." + lang.tag() + ".txt";
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
