package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awslabs.text.Lang;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountGuardTest {
    private static final UserConfig NO_CONFIG = new UserConfig(Path.of("/home/u/.config/aws-labs/config.json"), List.of());
    private static final UserConfig SANDBOX_IN_CONFIG = new UserConfig(NO_CONFIG.file(), List.of("210987654321"));

    @Test
    void withNothingAllowListedEveryAccountIsRefusedWithTheWayToAllowIt() {
        assertThatThrownBy(() -> new AccountGuard(List.of(), NO_CONFIG, false).requireAllowListed("123456789012"))
                .isInstanceOf(EnvironmentException.class)
                .hasMessage("refusing to use account 123456789012: no account is allow-listed")
                .satisfies(e -> assertThat(((EnvironmentException) e).hint())
                        .contains("--account 123456789012", "config.json"));
    }

    @Test
    void anAccountIsAllowedByTheFlagOrByTheConfigFileAndNothingElse() {
        AccountGuard guard = new AccountGuard(List.of("123456789012"), SANDBOX_IN_CONFIG, false);

        assertThatCode(() -> guard.requireAllowListed("123456789012")).doesNotThrowAnyException();
        assertThatCode(() -> guard.requireAllowListed("210987654321")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.requireAllowListed("999999999999"))
                .hasMessageContaining("not allow-listed (allowed: 123456789012, 210987654321)");
        assertThat(guard.allowedBy("123456789012").in(Lang.EN)).isEqualTo("allow-listed by --account");
        assertThat(guard.allowedBy("210987654321").in(Lang.EN)).isEqualTo("allow-listed in " + NO_CONFIG.file());
        assertThat(guard.allowedBy("210987654321").in(Lang.ZH)).isEqualTo("已在 " + NO_CONFIG.file() + " 中列入允许名单");
    }

    @Test
    void anAliasContainingProdInAnyCaseIsRefusedUnlessOverridden() {
        AccountGuard guard = new AccountGuard(List.of("123456789012"), NO_CONFIG, false);

        assertThatThrownBy(() -> guard.requireNotProduction("123456789012", Optional.of(List.of("Acme-PRODUCTION")), null))
                .hasMessageContaining("alias 'Acme-PRODUCTION' contains \"prod\"")
                .satisfies(e -> assertThat(((EnvironmentException) e).hint()).contains(AccountGuard.ALLOW_PROD_ALIAS_FLAG));
        assertThatCode(() -> guard.requireNotProduction("123456789012", Optional.of(List.of("acme-sandbox")), null))
                .doesNotThrowAnyException();
        assertThatCode(() -> new AccountGuard(List.of(), NO_CONFIG, true)
                .requireNotProduction("123456789012", Optional.of(List.of("acme-prod")), null)).doesNotThrowAnyException();
    }

    @Test
    void anAliasThatCannotBeReadIsRefusedRatherThanAssumedSafe() {
        assertThatThrownBy(() -> new AccountGuard(List.of(), NO_CONFIG, false)
                .requireNotProduction("123456789012", Optional.empty(), "AccessDenied"))
                .hasMessageContaining("cannot read its alias (AccessDenied)");
    }
}
