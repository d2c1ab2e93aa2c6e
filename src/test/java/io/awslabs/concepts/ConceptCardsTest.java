package io.awslabs.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.text.Lang;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConceptCardsTest {

    @Test
    void theFourConceptsOfTheLearnersQuestionsEachHaveACard() {
        assertThat(new ConceptCards(Lang.EN).topics())
                .containsExactly("storage-gateway", "shield-advanced", "control-tower", "placement-groups");
    }

    @Test
    void everyCardHasEverySectionInOrderAndCitesAwsSources() {
        for (Lang lang : Lang.values()) {
            for (ConceptCard card : new ConceptCards(lang).all()) {
                assertThat(headingsOf(card)).as(lang + " " + card.topic()).containsExactlyElementsOf(ConceptCard.sections(lang));
                assertThat(card.sources()).as(lang + " " + card.topic()).isNotEmpty()
                        .allSatisfy(url -> assertThat(url).matches("https://(docs\\.)?aws\\.amazon\\.com/\\S+"));
            }
        }
    }

    @Test
    void everyCardReadsInChineseWithTheSameTopicsAndSources() {
        List<ConceptCard> english = new ConceptCards(Lang.EN).all();
        List<ConceptCard> chinese = new ConceptCards(Lang.ZH).all();

        assertThat(chinese).extracting(ConceptCard::topic).containsExactlyElementsOf(english.stream().map(ConceptCard::topic).toList());
        for (int i = 0; i < english.size(); i++) {
            ConceptCard zh = chinese.get(i);
            assertThat(zh.title().codePoints().anyMatch(ConceptCardsTest::isHan)).as(zh.topic() + " title in Chinese: " + zh.title())
                    .isTrue();
            assertThat(zh.sources()).as(zh.topic()).containsExactlyElementsOf(english.get(i).sources());
        }
    }

    @Test
    void theStorageGatewayCardSaysWhatAFileGatewayIs() {
        String text = new ConceptCards(Lang.EN).find("storage-gateway").orElseThrow().text();

        assertThat(text).contains("S3 File Gateway", "NFS and SMB", "one object in an S3", "Volume Gateway", "Tape Gateway");
    }

    @Test
    void inChineseTheStorageGatewayCardKeepsTheServiceNamesAndExplainsThemInChinese() {
        String text = new ConceptCards(Lang.ZH).find("storage-gateway").orElseThrow().text();

        assertThat(text).contains("S3 File Gateway", "NFS 和 SMB", "一个对象", "Volume Gateway", "Tape Gateway");
    }

    /** The lines that start at the margin after the title: a card's section headings, in order. */
    private static List<String> headingsOf(ConceptCard card) {
        List<String> headings = new ArrayList<>();
        card.text().lines().skip(1).filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).forEach(headings::add);
        return headings;
    }

    private static boolean isHan(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
