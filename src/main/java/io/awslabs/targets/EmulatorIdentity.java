package io.awslabs.targets;

import io.awslabs.text.Phrase;
import io.awslabs.text.Said;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which emulator answers at an endpoint, as it says itself: its kind, its version where it tells,
 * the services it serves where it lists them (LocalStack's health document; moto serves every
 * service it implements on one port and lists none), and whether it runs in a container
 * (LocalStack's info document; a host process does not get the services whose engine LocalStack
 * downloads at first use, see {@link FirstUseDownloads}).
 */
public record EmulatorIdentity(EmulatorKind kind, String version, Optional<Set<String>> services, boolean inContainer) {
    /**
     * Services a lab uses that moto has no backend for at all (moto 5.2.5's backend_index.py lists
     * none of them): moto lists no services, so these are named here.
     */
    static final Set<String> NOT_IN_MOTO = Set.of("globalaccelerator");

    /**
     * Actions of a service the emulator does serve that it does not implement, with what its
     * source shows. Neither emulator has EC2 placement groups: moto 5.2.5's moto/ec2/responses/
     * has no placement group handler, so the call reaches moto/core/responses.py's
     * NotImplementedError; LocalStack 4.14.0's EC2 provider passes it to its moto fork, which has
     * none either, and says so.
     */
    static final Map<EmulatorKind, Map<ApiAction, Phrase>> NOT_IMPLEMENTED = Map.of(
            EmulatorKind.MOTO, Map.of(new ApiAction("ec2", "CreatePlacementGroup"),
                    TargetWords.phrase("lacks.api.motoPlacementGroups")),
            EmulatorKind.LOCALSTACK, Map.of(new ApiAction("ec2", "CreatePlacementGroup"),
                    TargetWords.phrase("lacks.api.localStackPlacementGroups")));

    public static EmulatorIdentity moto(String version) {
        return new EmulatorIdentity(EmulatorKind.MOTO, version, Optional.empty(), false);
    }

    public static EmulatorIdentity localStack(LocalStackHealth health) {
        return new EmulatorIdentity(EmulatorKind.LOCALSTACK, health.version(), Optional.of(Set.copyOf(health.services())),
                health.inContainer());
    }

    /** "LocalStack 4.14.0", "moto 5.2.5", or "moto" when the version is not known. */
    public String describe() {
        return kind.displayName() + (version == null ? "" : " " + version);
    }

    /** Why this emulator cannot serve all of {@code needed} and every one of {@code apis}, or empty if it can. */
    public Optional<Said> lacks(Collection<String> needed, Collection<ApiAction> apis) {
        Optional<Said> service = lacks(needed);
        if (service.isPresent()) {
            return service;
        }
        Map<ApiAction, Phrase> missing = NOT_IMPLEMENTED.getOrDefault(kind, Map.of());
        return apis.stream().filter(missing::containsKey).findFirst()
                .map(api -> TargetWords.phrase("lacks.api", describe(), api, missing.get(api)));
    }

    /** Why this emulator cannot serve all of {@code needed}, or empty if it can. */
    public Optional<Said> lacks(Collection<String> needed) {
        if (kind == EmulatorKind.MOTO) {
            List<String> absent = needed.stream().filter(NOT_IN_MOTO::contains).toList();
            return absent.isEmpty() ? Optional.empty()
                    : Optional.of(TargetWords.phrase("lacks.noBackend", describe(), String.join(", ", absent), absent.get(0)));
        }
        if (services.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = needed.stream().filter(s -> !services.get().contains(s)).toList();
        if (!missing.isEmpty()) {
            return Optional.of(TargetWords.phrase(missing.size() == 1 ? "lacks.notServed.one" : "lacks.notServed.many",
                    describe(), String.join(", ", missing)));
        }
        if (inContainer) {
            return Optional.empty();
        }
        return needed.stream().flatMap(s -> FirstUseDownloads.of(s)
                .map(download -> (Said) TargetWords.phrase("lacks.firstUseDownload", describe(), s, download)).stream())
                .findFirst();
    }
}
