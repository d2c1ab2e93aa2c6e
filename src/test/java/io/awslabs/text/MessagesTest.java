package io.awslabs.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package that speaks has its words in both languages, with the same placeholders. */
class MessagesTest {
    private static final String ENGLISH = Messages.fileName("", Lang.EN);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyEnglishMessageHasItsChineseWithTheSamePlaceholders() throws Exception {
        List<Path> english = bundles();
        assertThat(english).as("message bundles found").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path en : english) {
            String name = en.getFileName().toString();
            Path zh = en.resolveSibling(Messages.fileName(name.substring(0, name.length() - ENGLISH.length()), Lang.ZH));
            Map<String, String> enTexts = read(en);
            Map<String, String> zhTexts = Files.exists(zh) ? read(zh) : Map.of();
            for (Map.Entry<String, String> e : enTexts.entrySet()) {
                String chinese = zhTexts.get(e.getKey());
                if (chinese == null || chinese.isBlank()) {
                    problems.add(zh + " lacks " + e.getKey() + " = " + e.getValue());
                } else if (!placeholders(chinese).equals(placeholders(e.getValue()))) {
                    problems.add(zh + " " + e.getKey() + " has placeholders " + placeholders(chinese) + ", English has "
                            + placeholders(e.getValue()));
                }
            }
            zhTexts.keySet().stream().filter(k -> !enTexts.containsKey(k))
                    .forEach(k -> problems.add(zh + " has " + k + ", which English does not"));
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void argumentsReplaceNumberedPlaceholdersAndApostrophesStayAsWritten() {
        assertThat(Messages.of(MessagesTest.class, Lang.EN).get("skipped", "moto", "the lab's reason"))
                .isEqualTo("SKIPPED on moto: the lab's reason, {2} stays");
        assertThat(Messages.of(MessagesTest.class, Lang.ZH).get("only.english")).isEqualTo("falls back to English");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) found.add(m.group());
        return found;
    }

    private static List<Path> bundles() throws URISyntaxException, IOException {
        Path classes = Path.of(Messages.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(p -> p.getFileName().toString().endsWith(ENGLISH)).sorted().toList();
        }
    }

    private static Map<String, String> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            Properties p = new Properties();
            p.load(in);
            Map<String, String> texts = new TreeMap<>();
            p.forEach((k, v) -> texts.put((String) k, (String) v));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
