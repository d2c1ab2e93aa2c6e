package io.awslabs.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConceptCardsTest {

    @Test
    void theFourConceptsOfTheLearnersQuestionsEachHaveACard() {
        assertThat(new ConceptCards().topics())
                .containsExactly("storage-gateway", "shield-advanced", "control-tower", "placement-groups");
    }

    @Test
    void everyCardHasEverySectionInOrderAndCitesAwsSources() {
        for (ConceptCard card : new ConceptCards().all()) {
            int at = 0;
            for (String section : ConceptCard.SECTIONS) {
                int found = card.text().indexOf("\n" + section + "\n", at);
                assertThat(found).as(card.topic() + ": section " + section).isGreaterThan(at - 1);
                at = found;
            }
            assertThat(card.sources()).as(card.topic()).isNotEmpty()
                    .allSatisfy(url -> assertThat(url).matches("https://(docs\\.)?aws\\.amazon\\.com/\\S+"));
        }
    }

    @Test
    void theStorageGatewayCardSaysWhatAFileGatewayIs() {
        String text = new ConceptCards().find("storage-gateway").orElseThrow().text();

        assertThat(text).contains("S3 File Gateway", "NFS and SMB", "one object in an S3", "Volume Gateway", "Tape Gateway");
    }
}
