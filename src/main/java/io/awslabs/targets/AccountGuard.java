package io.awslabs.targets;

import io.awslabs.text.Said;
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
            throw EnvironmentException.of("noAccountAllowed", account, config.file());
        }
        if (!allowed.contains(account)) {
            throw EnvironmentException.of("accountNotAllowed", account, config.file(), String.join(", ", allowed));
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
            throw EnvironmentException.of("aliasUnreadable", account, whyUnreadable, ALLOW_PROD_ALIAS_FLAG);
        }
        for (String alias : aliases.get()) {
            if (alias.toLowerCase(Locale.ROOT).contains("prod")) {
                throw EnvironmentException.of("prodAlias", account, alias, ALLOW_PROD_ALIAS_FLAG);
            }
        }
    }

    /** How the account came to be allowed, for the plan, said in the reader's language. */
    public Said allowedBy(String account) {
        return config.accounts().contains(account)
                ? TargetWords.phrase("guard.allowListedIn", config.file())
                : TargetWords.phrase("guard.allowListedByFlag");
    }
}
