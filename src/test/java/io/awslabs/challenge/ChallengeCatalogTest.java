package io.awslabs.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.LabCatalog;
import io.awslabs.lab.LabInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChallengeCatalogTest {

    @Test
    void everyLabHasAChallengeAndEveryChallengeItsLab() {
        List<String> labs = new LabCatalog().ids();
        List<String> challenged = new ChallengeCatalog().all().stream().map(Challenge::labId).toList();

        assertThat(challenged).containsExactlyElementsOf(labs);
    }

    @Test
    void everyLabSaysWhereItSitsInTheExam() {
        Map<String, LabInfo> labs = new LabCatalog().all().stream().map(l -> l.info())
                .collect(Collectors.toMap(LabInfo::id, i -> i));

        assertThat(labs.values()).allSatisfy(l -> assertThat(l.exam()).as(l.id()).isPresent());
        assertThat(labs.get("s3-default-encryption").exam().orElseThrow().questions()).containsExactly(651);
        assertThat(labs.get("s3-presigned-upload").exam().orElseThrow().questions()).containsExactly(609);
        assertThat(labs.get("cloudfront-private-origin").exam().orElseThrow().questions()).containsExactly(182);
        assertThat(labs.get("s3-presigned-upload").exam().orElseThrow().domain()).isEqualTo(ExamDomain.HIGH_PERFORMING);
    }

    @Test
    void everyChallengeStatesAGoalChecksTwoHintsAndWhatItCreates() {
        for (Challenge challenge : new ChallengeCatalog().all()) {
            var info = challenge.info();
            assertThat(info.goal()).as(challenge.labId()).isNotBlank();
            assertThat(info.checks()).as(challenge.labId()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.id()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
            assertThat(info.hints()).as(challenge.labId()).hasSize(2).allSatisfy(h -> assertThat(h).isNotBlank());
            assertThat(info.creates()).as(challenge.labId()).isNotEmpty();
        }
    }

    @Test
    void theExamWeightsAddUpToTheWholeExam() {
        assertThat(List.of(ExamDomain.values()).stream().mapToInt(ExamDomain::weightPercent).sum()).isEqualTo(100);
    }
}
