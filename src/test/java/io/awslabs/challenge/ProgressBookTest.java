package io.awslabs.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.LabInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBookTest {
    @TempDir
    Path state;

    private static ProgressBook.Attempt attempt(int passed, int hints, long millis, boolean solved) {
        return new ProgressBook.Attempt("abcd1234", "moto", Instant.parse("2026-12-01T10:00:00Z"), passed, 0, 3, hints,
                millis, solved);
    }

    @Test
    void theBestCheckIsTheOneWithMostChecksPassedThenWithoutTheSolutionThenFewerHintsThenFaster() {
        ProgressBook book = new ProgressBook(state);
        book.record("lab", attempt(1, 0, 1000, false));
        book.record("lab", attempt(3, 3, 9000, true));
        book.record("lab", attempt(3, 2, 9000, false));
        book.record("lab", attempt(3, 2, 5000, false));
        ProgressBook.LabProgress p = book.record("lab", attempt(2, 0, 100, false));

        assertThat(p.best()).isEqualTo(attempt(3, 2, 5000, false));
        assertThat(p.latest()).isEqualTo(attempt(2, 0, 100, false));
        assertThat(p.checks()).isEqualTo(5);
        assertThat(new ProgressBook(state).of("lab")).contains(p);
    }

    @Test
    void aResetForgetsEverything() {
        ProgressBook book = new ProgressBook(state);
        book.record("lab", attempt(1, 0, 1000, false));

        assertThat(book.reset()).isTrue();
        assertThat(book.labs()).isEmpty();
        assertThat(book.reset()).isFalse();
    }

    @Test
    void coverageIsEachDomainsWeightTimesTheShareOfItsLabsCompleted() {
        List<LabInfo> labs = List.of(
                LabInfo.of("a", "A").exam(ExamDomain.SECURE, "1.3 Determine appropriate data security controls", 651),
                LabInfo.of("b", "B").exam(ExamDomain.SECURE, "1.1 Design secure access to AWS resources"),
                LabInfo.of("c", "C").exam(ExamDomain.HIGH_PERFORMING, "3.1 Determine high-performing storage"),
                LabInfo.of("d", "D"));
        ProgressBook book = new ProgressBook(state);
        book.record("a", attempt(3, 0, 1000, false));
        book.record("c", attempt(2, 0, 1000, false));

        ExamCoverage coverage = ExamCoverage.of(labs, book.labs());

        assertThat(coverage.coveredPercent()).isEqualTo(15.0);
        assertThat(coverage.withLabsPercent()).isEqualTo(54.0);
        ExamCoverage.Domain secure = coverage.domains().get(0);
        assertThat(secure.labs()).containsExactly("a", "b");
        assertThat(secure.completed()).containsExactly("a");
        assertThat(coverage.domains().get(1).labs()).isEmpty();
    }
}
