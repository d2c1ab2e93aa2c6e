package io.awslabs.targets;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the credentials at hand may be used: the account must be allow-listed (on the
 * command line or in the config file), and an account whose alias says "prod" is refused unless
 * the user overrides that explicitly. Modelled on aws-nuke's account allow-list and alias check.
 */
public final class AccountGuard {
    /** The override for the alias check; documented in the README and in {@code labs run --help}. */
    public static final String ALLOW_PROD_ALIAS_FLAG = "--allow-prod-alias";
    /** What the guard calls before anything is created: who the caller is, and the account's alias. */
    public static final List<String> IAM_ACTIONS = List.of("sts:GetCallerIdentity", "iam:ListAccountAliases");

    private final Set<String> allowed = new LinkedHashSet<>();
    private final UserConfig config;
    private final boolean allowProdAlias;

    public AccountGuard(List<String> accountsFromFlags, UserConfig config, boolean allowProdAlias) {
        this.allowed.addAll(accountsFromFlags);
        this.allowed.addAll(config.accounts());
        this.config = config;
        this.allowProdAlias = allowProdAlias;
    }

    /** Refuses (exit 3) an account that is not allow-listed. */
    public void requireAllowListed(String account) {
        if (allowed.isEmpty()) {
            throw new EnvironmentException("refusing to use account " + account + ": no account is allow-listed",
                    "if it is a sandbox, pass --account " + account + " or list it in " + config.file()
                            + " ({\"accounts\": [\"" + account + "\"]})");
        }
        if (!allowed.contains(account)) {
            throw new EnvironmentException("refusing to use account " + account + ": it is not allow-listed (allowed: "
                    + String.join(", ", allowed) + ")",
                    "check --profile and your credentials; if it is a sandbox, pass --account " + account
                            + " or list it in " + config.file());
        }
    }

    /**
     * Refuses (exit 3) an account with an alias containing "prod", and one whose alias cannot
     * be read (the check would otherwise pass silently), unless overridden.
     */
    public void requireNotProduction(String account, Optional<List<String>> aliases, String whyUnreadable) {
        if (allowProdAlias) {
            return;
        }
        if (aliases.isEmpty()) {
            throw new EnvironmentException("refusing to use account " + account + ": cannot read its alias ("
                    + whyUnreadable + ") to check that it is not production",
                    "allow iam:ListAccountAliases, or pass " + ALLOW_PROD_ALIAS_FLAG + " to skip the alias check");
        }
        for (String alias : aliases.get()) {
            if (alias.toLowerCase(Locale.ROOT).contains("prod")) {
                throw new EnvironmentException("refusing to use account " + account + ": its alias '" + alias
                        + "' contains \"prod\"",
                        "if it really is a sandbox, pass " + ALLOW_PROD_ALIAS_FLAG);
            }
        }
    }

    /** How the account came to be allowed, for the plan. */
    public String allowedBy(String account) {
        return config.accounts().contains(account) ? "allow-listed in " + config.file() : "allow-listed by --account";
    }
}
