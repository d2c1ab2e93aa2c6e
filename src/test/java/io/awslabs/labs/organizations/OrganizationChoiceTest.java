package io.awslabs.labs.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrganizationChoiceTest {

    @Test
    void withoutTheOptionTheLabCreatesTheOrganization() {
        assertThat(OrganizationChoice.of(Optional.empty()).create()).isTrue();
        assertThat(OrganizationChoice.of(Optional.of("create-in-sandbox")).create()).isTrue();
    }

    @Test
    void anOrganizationIdMeansWorkInThatOne() {
        OrganizationChoice existing = OrganizationChoice.of(Optional.of("o-a1b2c3d4e5"));

        assertThat(existing.create()).isFalse();
        assertThat(existing.existingId()).isEqualTo("o-a1b2c3d4e5");
    }

    @Test
    void anythingElseIsRefusedWithWhatIsAccepted() {
        assertThatThrownBy(() -> OrganizationChoice.of(Optional.of("mine"))).hasMessageContaining("create-in-sandbox")
                .hasMessageContaining("o-");
        assertThat("o-a1b2c3d4e5".matches(OrganizationChoice.ACCEPTED)).isTrue();
        assertThat("o-SHORT".matches(OrganizationChoice.ACCEPTED)).isFalse();
    }
}
