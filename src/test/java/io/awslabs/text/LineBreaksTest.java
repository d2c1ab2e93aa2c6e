package io.awslabs.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Prose wraps at spaces in English and between characters in Chinese, never stranding punctuation. */
class LineBreaksTest {
    @Test
    void englishBreaksAtSpacesOnly() {
        assertThat(LineBreaks.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
        assertThat(LineBreaks.wrap("", 9)).containsExactly("");
    }

    @Test
    void chineseBreaksBetweenCharactersButNotBeforeAComma() {
        assertThat(LineBreaks.wrap("数据密钥在本地加密，密钥不离开 KMS", 10))
                .containsExactly("数据密钥在", "本地加密，", "密钥不离开", "KMS")
                .allSatisfy(line -> assertThat(Columns.of(line)).isLessThanOrEqualTo(10));
    }
}
