package io.awslabs.text;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The toolkit's own words in one language: a bundle is a pair of files next to the class that
 * speaks them, {@code messages_en.properties} and {@code messages_zh.properties} (or another
 * name than "messages", so that a package can keep one bundle per concern). {@code {0}},
 * {@code {1}} are replaced by the arguments; nothing else is special, so an apostrophe is an
 * apostrophe. A key missing in Chinese falls back to English, and {@code MessagesTest} fails the
 * build when that happens.
 */
public final class Messages {
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final Lang lang;
    private final Map<String, String> texts;
    private final Map<String, String> english;

    private Messages(Lang lang, Map<String, String> texts, Map<String, String> english) {
        this.lang = lang;
        this.texts = texts;
        this.english = english;
    }

    /** The "messages" bundle of {@code anchor}'s package in {@code lang}. */
    public static Messages of(Class<?> anchor, Lang lang) {
        return of(anchor, "messages", lang);
    }

    /** The bundle {@code name} of {@code anchor}'s package in {@code lang}. */
    public static Messages of(Class<?> anchor, String name, Lang lang) {
        return LOADED.computeIfAbsent(anchor.getPackageName() + "/" + name + "/" + lang.tag(), k -> {
            Map<String, String> english = bundle(anchor, name, Lang.EN);
            return new Messages(lang, lang == Lang.EN ? english : bundle(anchor, name, lang), english);
        });
    }

    /** The file of {@code lang} of the bundle {@code name}. */
    public static String fileName(String name, Lang lang) {
        return name + "_" + lang.tag() + ".properties";
    }

    private static Map<String, String> bundle(Class<?> anchor, String name, Lang lang) {
        return TextFile.read(anchor, fileName(name, lang)).orElseThrow(() -> new IllegalStateException(
                "no " + fileName(name, lang) + " in " + anchor.getPackageName()));
    }

    public Lang lang() {
        return lang;
    }

    /** The text of {@code key} with {@code {n}} replaced by {@code args[n]}. */
    public String get(String key, Object... args) {
        String text = texts.getOrDefault(key, english.get(key));
        if (text == null) {
            throw new IllegalArgumentException("no message " + key);
        }
        return fill(text, args);
    }

    /** {@code text} with {@code {n}} replaced by {@code args[n]}, as every text of the toolkit is filled. */
    public static String fill(String text, Object... args) {
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
