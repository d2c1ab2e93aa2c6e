package io.awslabs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.awslabs.text.Lang;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabOptionsTest {
    private final LabInfo edge = LabInfo.of("edge", "Edge").asserts("served", "served")
            .option(LabOption.flag("wait-deployed", false, "wait until Deployed"));
    private final LabInfo agent = LabInfo.of("agent", "Agent").asserts("online", "online")
            .option(LabOption.seconds("registration-timeout-seconds", 600, "how long to wait for the agent"));

    @Test
    void declaredOptionsWithValuesOfTheirTypeAreAccepted() {
        assertThat(english(List.of(edge, agent), Map.of("wait-deployed", "true",
                "registration-timeout-seconds", "120"))).isEmpty();
    }

    @Test
    void anUnknownOptionIsRefusedWithTheClosestNameAndTheLabsOptions() {
        assertThat(english(List.of(edge), Map.of("wait-deploy", "true"))).hasValueSatisfying(why ->
                assertThat(why).contains("no selected lab has an option 'wait-deploy'", "did you mean 'wait-deployed'",
                        "edge: wait-deployed (true or false)"));
        assertThat(english(List.of(agent), Map.of("wait-deployed", "true"))).as("another lab's option")
                .hasValueSatisfying(why -> assertThat(why).contains("no selected lab has an option"));
    }

    @Test
    void aValueOfTheWrongTypeOrNoValueOrNoNameIsRefused() {
        assertThat(english(List.of(edge), Map.of("wait-deployed", "maybe"))).hasValueSatisfying(why ->
                assertThat(why).contains("wait-deployed=maybe", "expected true or false"));
        assertThat(english(List.of(agent), Map.of("registration-timeout-seconds", "abc"))).isPresent();
        assertThat(english(List.of(agent), Map.of("registration-timeout-seconds", "0"))).isPresent();
        assertThat(english(List.of(edge), Map.of("wait-deployed", ""))).hasValueSatisfying(why ->
                assertThat(why).contains("got nothing"));
        assertThat(english(List.of(edge), Map.of("", "x"))).hasValueSatisfying(why ->
                assertThat(why).contains("needs a name"));
    }

    private static Optional<String> english(List<LabInfo> labs, Map<String, String> given) {
        return LabOptions.refusal(labs, given).map(why -> why.in(Lang.EN));
    }
}
