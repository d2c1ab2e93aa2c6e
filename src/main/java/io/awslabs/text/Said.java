package io.awslabs.text;

/** A text that can be said in either language, decided when it is printed. */
@FunctionalInterface
public interface Said {
    String in(Lang lang);

    /** A text that has only the words it came with: what AWS, a process or a lab's own remark said. */
    static Said verbatim(String text) {
        return new Verbatim(text);
    }

    /** A record, so that the same words are equal (a note said twice is kept once). */
    record Verbatim(String text) implements Said {
        @Override
        public String in(Lang lang) {
            return text;
        }
    }
}
