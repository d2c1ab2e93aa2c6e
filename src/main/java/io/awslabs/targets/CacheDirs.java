package io.awslabs.targets;

import java.nio.file.Path;
import java.util.Locale;

/** Where the tool keeps things between runs (the emulator venvs), per platform convention. */
public final class CacheDirs {
    private CacheDirs() { }

    public static Path root() {
        String override = System.getenv("LABS_CACHE_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "aws-labs");
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")) {
            return home.resolve("Library/Caches/aws-labs");
        }
        return home.resolve(".cache/aws-labs");
    }
}
