package io.awslabs.lab;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A {@code --option key=value} a lab understands: its name, the type of its value, its default, what it does. */
public record LabOption(String name, Type type, String defaultValue, String description) {

    public enum Type {
        BOOLEAN("true or false"), SECONDS("a whole number of seconds, at least 1"), TEXT("text");

        private final String accepts;

        Type(String accepts) {
            this.accepts = accepts;
        }

        public String accepts() {
            return accepts;
        }

        /** Why {@code value} is not of this type, or empty if it is. */
        Optional<String> refuses(String value) {
            return switch (this) {
                case BOOLEAN -> List.of("true", "false").contains(value.toLowerCase(Locale.ROOT))
                        ? Optional.empty() : Optional.of("expected " + accepts);
                case SECONDS -> value.matches("[1-9][0-9]{0,8}") ? Optional.empty() : Optional.of("expected " + accepts);
                case TEXT -> value.isBlank() ? Optional.of("expected " + accepts + ", not blank") : Optional.empty();
            };
        }
    }

    public static LabOption flag(String name, boolean defaultValue, String description) {
        return new LabOption(name, Type.BOOLEAN, String.valueOf(defaultValue), description);
    }

    public static LabOption seconds(String name, long defaultValue, String description) {
        return new LabOption(name, Type.SECONDS, String.valueOf(defaultValue), description);
    }

    /** Text with no default: unset unless given. */
    public static LabOption text(String name, String description) {
        return new LabOption(name, Type.TEXT, null, description);
    }
}
