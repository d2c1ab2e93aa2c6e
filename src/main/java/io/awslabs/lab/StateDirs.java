package io.awslabs.lab;

import java.nio.file.Path;

/**
 * Where the tool keeps what must survive a crash (run journals), per the XDG base directory
 * convention: {@code $LABS_STATE_DIR}, else {@code $XDG_STATE_HOME/aws-labs}, else
 * {@code ~/.local/state/aws-labs}.
 */
public final class StateDirs {
    private StateDirs() { }

    public static Path root() {
        String override = System.getenv("LABS_STATE_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "aws-labs");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "aws-labs");
    }

    public static Path journals() {
        return root().resolve("journals");
    }
}
