package io.awslabs.text;

/** A text that can be said in either language, decided when it is printed. */
@FunctionalInterface
public interface Said {
    String in(Lang lang);
}
