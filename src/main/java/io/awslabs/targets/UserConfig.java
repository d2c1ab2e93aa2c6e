package io.awslabs.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The user's own settings, {@code $XDG_CONFIG_HOME/aws-labs/config.json} (default
 * {@code ~/.config/aws-labs/config.json}). Today it holds one thing: the AWS accounts the aws
 * target may use, so that a sandbox does not need {@code --account} on every command.
 *
 * <pre>{"accounts": ["123456789012", "210987654321"]}</pre>
 *
 * A key it does not know is an error rather than ignored: a misspelt allow-list must not look
 * like an empty one.
 */
public record UserConfig(Path file, List<String> accounts) {
    static final String ACCOUNT_ID = "\\d{12}";

    public static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("aws-labs").resolve("config.json");
    }

    public static UserConfig load() {
        return load(defaultFile());
    }

    /** An absent file is an empty config; an unreadable or malformed one is an environment error. */
    public static UserConfig load(Path file) {
        if (!Files.exists(file)) {
            return new UserConfig(file, List.of());
        }
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(file.toFile());
        } catch (IOException e) {
            throw invalid(file, "not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "not a JSON object");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("accounts")) {
                throw invalid(file, "unknown key '" + key + "'");
            }
        }
        List<String> accounts = new ArrayList<>();
        JsonNode list = root.path("accounts");
        if (!list.isMissingNode() && !list.isArray()) {
            throw invalid(file, "'accounts' must be a list of 12-digit account ids");
        }
        for (JsonNode account : list) {
            if (!account.isTextual() || !account.asText().matches(ACCOUNT_ID)) {
                throw invalid(file, "'accounts' holds " + account + ", not a 12-digit account id in quotes");
            }
            accounts.add(account.asText());
        }
        return new UserConfig(file, List.copyOf(accounts));
    }

    private static EnvironmentException invalid(Path file, String why) {
        return EnvironmentException.of("configInvalid", file, why);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
