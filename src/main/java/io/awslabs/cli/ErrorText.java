package io.awslabs.cli;

import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import io.awslabs.text.Said;
import java.util.Arrays;

/**
 * A refusal said in whichever language the learner reads, decided when it is printed: the
 * command line may be refused before its --lang has been read. {@code key} names two texts of
 * the errors bundle, {@code key.message} (what is wrong) and {@code key.hint} (the fix); an
 * argument that is a {@link Phrase} of this bundle, or a text {@link Said} elsewhere (a lab
 * option's refusal), is itself said in that language.
 */
record ErrorText(String key, Object... args) {

    /** Words of the errors bundle that go into a message or a hint, such as the form of a URL. */
    record Phrase(String key, Object... args) { }

    static Phrase phrase(String key, Object... args) {
        return new Phrase(key, args);
    }

    String message(Lang lang) {
        return say(lang, key + ".message", args);
    }

    String hint(Lang lang) {
        return say(lang, key + ".hint", args);
    }

    static String say(Lang lang, String key, Object... args) {
        Messages words = Messages.of(ErrorText.class, "errors", lang);
        Object[] said = Arrays.stream(args)
                .map(a -> a instanceof Phrase p ? say(lang, p.key(), p.args()) : a instanceof Said s ? s.in(lang) : a)
                .toArray();
        return words.get(key, said);
    }
}
