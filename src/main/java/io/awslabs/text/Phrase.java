package io.awslabs.text;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Words of a bundle said in the reader's language when they are printed, not when they are made:
 * a refusal is built deep in the toolkit, before anyone knows in which language it will be read
 * (and in English for a log). An argument that can itself be {@link Said} is said in the same language.
 */
public record Phrase(Class<?> anchor, String bundle, String key, List<Object> args) implements Said {

    public Phrase {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Phrase of(Class<?> anchor, String bundle, String key, Object... args) {
        return new Phrase(anchor, bundle, key, Arrays.asList(args));
    }

    @Override
    public String in(Lang lang) {
        Object[] said = args.stream().map(a -> a instanceof Said s ? s.in(lang) : a).toArray();
        return Messages.of(anchor, bundle, lang).get(key, said);
    }

    @Override
    public String toString() {
        return in(Lang.EN);
    }
}
