package io.awslabs.challenge;

import io.awslabs.lab.Challenge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Every challenge on the class path, found through {@link ServiceLoader}, sorted by lab id. */
public final class ChallengeCatalog {

    public List<Challenge> all() {
        List<Challenge> challenges = new ArrayList<>();
        ServiceLoader.load(Challenge.class).forEach(challenges::add);
        challenges.sort(Comparator.comparing(Challenge::labId));
        return challenges;
    }

    public Optional<Challenge> forLab(String labId) {
        return all().stream().filter(c -> c.labId().equals(labId)).findFirst();
    }
}
