package io.awslabs.targets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which emulator answers at an endpoint, as it says itself: its kind, its version where it tells,
 * and the services it serves where it lists them (LocalStack's health document; moto serves every
 * service it implements on one port and lists none).
 */
public record EmulatorIdentity(EmulatorKind kind, String version, Optional<Set<String>> services) {

    public static EmulatorIdentity moto(String version) {
        return new EmulatorIdentity(EmulatorKind.MOTO, version, Optional.empty());
    }

    public static EmulatorIdentity localStack(LocalStackHealth health) {
        return new EmulatorIdentity(EmulatorKind.LOCALSTACK, health.version(), Optional.of(Set.copyOf(health.services())));
    }

    /** "LocalStack 4.14.0", "moto 5.2.5", or "moto" when the version is not known. */
    public String describe() {
        return kind.displayName() + (version == null ? "" : " " + version);
    }

    /** Why this emulator cannot serve all of {@code needed}, or empty if it can. */
    public Optional<String> lacks(Collection<String> needed) {
        if (services.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = needed.stream().filter(s -> !services.get().contains(s)).toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String them = missing.size() == 1 ? "it" : "them";
        return Optional.of(describe() + " does not serve " + String.join(", ", missing)
                + ": its /_localstack/health does not list " + them + " (the community edition lacks " + them + ")");
    }
}
