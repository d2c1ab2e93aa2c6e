package io.awslabs.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language a learner reads: English, the exam's, by default; Chinese for those who prepare in
 * it. AWS service and API names stay English in both.
 */
public enum Lang {
    EN("en"), ZH("zh");

    /** The locale variables in the order POSIX gives them precedence. */
    private static final List<String> LOCALE_VARIABLES = List.of("LC_ALL", "LC_MESSAGES", "LANG");

    private final String tag;

    Lang(String tag) {
        this.tag = tag;
    }

    /** "en", "zh": the key of this language's texts in a report. */
    public String tag() {
        return tag;
    }

    /** "zh", "zh_CN", "zh-TW", "zh_CN.UTF-8" and "en_US@euro" name a language; anything else names none. */
    public static Optional<Lang> named(String value) {
        if (value == null) return Optional.empty();
        String language = value.trim().toLowerCase(Locale.ROOT).split("[_.@-]", 2)[0];
        for (Lang lang : values()) {
            if (lang.tag.equals(language)) return Optional.of(lang);
        }
        return Optional.empty();
    }

    /**
     * The language of the locale: the first of LC_ALL, LC_MESSAGES and LANG that is set decides,
     * as it does for every POSIX program; a locale in neither language ("C", "fr_FR") reads English.
     */
    public static Lang ofLocale(Map<String, String> environment) {
        for (String variable : LOCALE_VARIABLES) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return named(value).orElse(EN);
            }
        }
        return EN;
    }
}
