package io.awslabs.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LangTest {

    @Test
    void theLocaleDecidesWithLcAllFirstThenLcMessagesThenLang() {
        assertThat(Lang.ofLocale(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Lang.ZH);
        assertThat(Lang.ofLocale(Map.of("LANG", "zh_CN.UTF-8", "LC_ALL", "en_US.UTF-8"))).isEqualTo(Lang.EN);
        assertThat(Lang.ofLocale(Map.of("LANG", "en_US.UTF-8", "LC_MESSAGES", "zh_TW"))).isEqualTo(Lang.ZH);
        assertThat(Lang.ofLocale(Map.of("LC_ALL", "", "LANG", "zh_SG"))).isEqualTo(Lang.ZH);
    }

    @Test
    void aLocaleInNeitherLanguageOrNoneAtAllReadsEnglish() {
        assertThat(Lang.ofLocale(Map.of())).isEqualTo(Lang.EN);
        assertThat(Lang.ofLocale(Map.of("LANG", "C"))).isEqualTo(Lang.EN);
        assertThat(Lang.ofLocale(Map.of("LANG", "fr_FR.UTF-8"))).isEqualTo(Lang.EN);
    }

    @Test
    void aLanguageIsNamedByItsTagWithOrWithoutRegionAndCharset() {
        assertThat(Lang.named("zh")).contains(Lang.ZH);
        assertThat(Lang.named("ZH-cn")).contains(Lang.ZH);
        assertThat(Lang.named("en_GB.UTF-8")).contains(Lang.EN);
        assertThat(Lang.named("zhx")).isEmpty();
        assertThat(Lang.named("fr")).isEmpty();
    }

    @Test
    void chineseTakesTwoColumnsPerCharacterSoTablesLineUp() {
        assertThat(Columns.of("KMS 信封加密")).isEqualTo(12);
        assertThat(Columns.pad("标题", 6)).isEqualTo("标题  ");
        assertThat(Columns.pad("TITLE", 3)).isEqualTo("TITLE");
    }
}
