package io.awslabs.lab;

import io.awslabs.text.Said;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code --option key=value} a lab understands: its name, the type of its value, its default, what
 * it does, and what it must be on AWS, if anything ({@link #requiredOnAws}).
 */
public record LabOption(String name, Type type, String defaultValue, String description, OnAws onAws) {

    /**
     * On {@code --target aws} the run is refused, before anything is created, unless the option's
     * value (given, or its default) matches {@code accepted}: {@code why} says what is at stake
     * there (an account-wide change, half an hour and money), {@code example} is the value to
     * suggest.
     */
    public record OnAws(String accepted, String example, String why) {
        boolean accepts(String value) {
            return value != null && value.matches(accepted);
        }
    }

    public enum Type {
        BOOLEAN, SECONDS, TEXT;

        /** What a value of this type is, in the reader's language. */
        public Said said() {
            return LabOptions.say("type." + name());
        }

        /** Why {@code value} is not of this type, or empty if it is. */
        Optional<Said> refuses(String value) {
            return switch (this) {
                case BOOLEAN -> List.of("true", "false").contains(value.toLowerCase(Locale.ROOT))
                        ? Optional.empty() : Optional.of(LabOptions.say("expected", said()));
                case SECONDS -> value.matches("[1-9][0-9]{0,8}") ? Optional.empty()
                        : Optional.of(LabOptions.say("expected", said()));
                case TEXT -> value.isBlank() ? Optional.of(LabOptions.say("expectedNotBlank", said())) : Optional.empty();
            };
        }
    }

    public static LabOption flag(String name, boolean defaultValue, String description) {
        return new LabOption(name, Type.BOOLEAN, String.valueOf(defaultValue), description, null);
    }

    public static LabOption seconds(String name, long defaultValue, String description) {
        return new LabOption(name, Type.SECONDS, String.valueOf(defaultValue), description, null);
    }

    /** Text with no default: unset unless given. */
    public static LabOption text(String name, String description) {
        return new LabOption(name, Type.TEXT, null, description, null);
    }

    /** This option as {@link OnAws} says it must be on AWS. */
    public LabOption requiredOnAws(String accepted, String example, String why) {
        return new LabOption(name, type, defaultValue, description, new OnAws(accepted, example, why));
    }

    /**
     * Why {@code given} (null when not given) cannot be this option's value on this kind of target, or
     * empty; {@code whyOnAws} is {@link OnAws#why} in the reader's language.
     */
    public Optional<Said> refuses(String given, boolean targetIsAws, Said whyOnAws) {
        if (given != null) {
            Optional<Said> wrongType = type.refuses(given);
            if (wrongType.isPresent()) {
                return Optional.of(LabOptions.say("wrongType", name, given, wrongType.get()));
            }
        }
        String value = given != null ? given : defaultValue;
        if (targetIsAws && onAws() != null && !onAws().accepts(value)) {
            return Optional.of(given == null ? LabOptions.say("neededOnAws", name, whyOnAws)
                    : LabOptions.say("notEnoughOnAws", name, given, whyOnAws));
        }
        return Optional.empty();
    }
}
