package io.awslabs.targets;

/** The emulators whose behaviour the labs know, and declare gaps for. */
public enum EmulatorKind {
    MOTO("moto"), LOCALSTACK("LocalStack");

    private final String displayName;

    EmulatorKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** The id used in reports and the fidelity matrix: {@code moto}, {@code localstack}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
