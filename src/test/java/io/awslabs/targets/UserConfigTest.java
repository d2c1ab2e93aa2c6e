package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserConfigTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileAllowsNothing() {
        assertThat(UserConfig.load(dir.resolve("absent.json")).accounts()).isEmpty();
    }

    @Test
    void theAccountsListIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"accounts\": [\"123456789012\", \"210987654321\"]}");

        assertThat(UserConfig.load(file).accounts()).containsExactly("123456789012", "210987654321");
    }

    @Test
    void aMisspeltKeyOrAMalformedIdIsAnErrorNotAnEmptyAllowList() throws Exception {
        Path misspelt = Files.writeString(dir.resolve("a.json"), "{\"acounts\": [\"123456789012\"]}");
        Path unquoted = Files.writeString(dir.resolve("b.json"), "{\"accounts\": [123456789012]}");
        Path broken = Files.writeString(dir.resolve("c.json"), "{\"accounts\": [");

        assertThatThrownBy(() -> UserConfig.load(misspelt)).isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("unknown key 'acounts'");
        assertThatThrownBy(() -> UserConfig.load(unquoted)).hasMessageContaining("not a 12-digit account id in quotes");
        assertThatThrownBy(() -> UserConfig.load(broken)).hasMessageContaining("not valid JSON");
    }
}
