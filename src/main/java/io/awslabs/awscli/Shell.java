package io.awslabs.awscli;

import java.util.regex.Pattern;

/** POSIX shell quoting: a word that needs none stays as it is, any other goes in single quotes. */
final class Shell {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
