package io.awslabs.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/** A properties file of texts, read as UTF-8 so that Chinese needs no escapes. */
public final class TextFile {
    private TextFile() { }

    /** The texts of the resource {@code name} next to {@code anchor}, or empty when there is none. */
    public static Optional<Map<String, String>> read(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) return Optional.empty();
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new TreeMap<>();
            properties.forEach((k, v) -> texts.put((String) k, ((String) v).strip()));
            return Optional.of(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " next to " + anchor.getName(), e);
        }
    }
}
