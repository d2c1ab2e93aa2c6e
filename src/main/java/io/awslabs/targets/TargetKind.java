package io.awslabs.targets;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of place a lab can run against. */
public enum TargetKind {
    MOTO, LOCALSTACK, ENDPOINT, AWS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isEmulator() {
        return this != AWS;
    }

    /**
     * How many labs a run puts on the target at once unless told otherwise: an emulator is a local
     * process that answers in milliseconds and mostly waits on the labs; on AWS one at a time, so
     * that a plan, its costs and its teardown stay easy to follow.
     */
    public int labsAtOnce() {
        return this == AWS ? 1 : 4;
    }

    public static TargetKind parse(String value) {
        for (TargetKind kind : values()) {
            if (kind.id().equalsIgnoreCase(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown target '" + value + "'; choose one of "
                + Arrays.stream(values()).map(TargetKind::id).collect(Collectors.joining(", ")));
    }
}
