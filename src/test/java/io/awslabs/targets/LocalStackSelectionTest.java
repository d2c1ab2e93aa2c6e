package io.awslabs.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awslabs.text.Lang;
import io.awslabs.text.Said;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalStackSelectionTest {
    private final List<Said> progress = new ArrayList<>();

    @Test
    void withoutDockerTheHostProcessIsChosenAndAProgressLineSaysWhy() {
        LocalStack.Mode mode = LocalStack.choose(null,
                () -> Optional.of(TargetWords.phrase("docker.noSocket", "/var/run/docker.sock")), progress::add);

        assertThat(mode).isEqualTo(LocalStack.Mode.HOST);
        assertThat(progress).extracting(line -> line.in(Lang.EN)).containsExactly("Docker is not available: "
                + "/var/run/docker.sock does not exist and DOCKER_HOST is not set; running LocalStack 4.14.0 as a host "
                + "process instead");
        assertThat(progress).extracting(line -> line.in(Lang.ZH)).containsExactly("Docker 不可用："
                + "/var/run/docker.sock 不存在，也没有设置 DOCKER_HOST；改为以主机进程方式运行 LocalStack 4.14.0");
    }

    @Test
    void withDockerTheContainerIsChosenSilently() {
        assertThat(LocalStack.choose(null, Optional::empty, progress::add)).isEqualTo(LocalStack.Mode.CONTAINER);
        assertThat(progress).isEmpty();
    }

    @Test
    void anotherImageWithoutDockerIsAnEnvironmentErrorNotASilentFallbackToTheHostVersion() {
        assertThatThrownBy(() -> LocalStack.choose("localstack/localstack:latest",
                () -> Optional.of(Said.verbatim("no engine")), progress::add))
                .isInstanceOf(EnvironmentException.class)
                .hasMessageContaining("--localstack-image localstack/localstack:latest needs Docker: no engine");
    }

    @Test
    void theImageIsPinnedToTheLastTagThatStartsWithoutAToken() {
        assertThat(LocalStack.IMAGE).isEqualTo("localstack/localstack:4.14.0");
    }

    @Test
    void aLabNeedingAServiceLocalStackDoesNotListCannotRunThereAndSaysWhich() {
        LocalStackHealth community = new LocalStackHealth("4.14.0", Set.of("s3", "kms", "acm", "sts"), true);
        EmulatorIdentity localStack = EmulatorIdentity.localStack(community);

        assertThat(localStack.lacks(List.of("s3", "cloudfront"))).hasValueSatisfying(reason -> {
            assertThat(reason.in(Lang.EN)).contains("LocalStack 4.14.0 does not serve cloudfront", "/_localstack/health");
            assertThat(reason.in(Lang.ZH)).isEqualTo(
                    "LocalStack 4.14.0 不提供 cloudfront：它的 /_localstack/health 里没有列出这个服务（社区版没有它）");
        });
        assertThat(localStack.lacks(List.of("kms"))).isEmpty();
        assertThat(EmulatorIdentity.moto("5.2.5").lacks(List.of("cloudfront"))).as("moto lists no services").isEmpty();
    }

    @Test
    void aHostProcessDoesNotServeAServiceWhoseEngineLocalStackDownloadsAtFirstUseButAContainerDoes() {
        Set<String> listed = Set.of("sqs", "kinesis", "dynamodb");
        EmulatorIdentity host = EmulatorIdentity.localStack(new LocalStackHealth("4.14.0", listed, false));
        EmulatorIdentity container = EmulatorIdentity.localStack(new LocalStackHealth("4.14.0", listed, true));

        assertThat(host.lacks(List.of("kinesis"))).hasValueSatisfying(reason -> {
            assertThat(reason.in(Lang.EN)).contains("LocalStack 4.14.0 runs as a host process", "is_docker false",
                    "kinesis-local 0.5.2", "run on LocalStack in a container");
            assertThat(reason.in(Lang.ZH)).contains("LocalStack 4.14.0 以主机进程运行", "kinesis 要等第一次调用时下载引擎",
                    "它用 npm 安装 kinesis-local 0.5.2", "只能在容器里的 LocalStack 上运行");
        });
        assertThat(host.lacks(List.of("dynamodb"))).hasValueSatisfying(reason -> assertThat(reason.in(Lang.EN))
                .contains("DynamoDB Local"));
        assertThat(host.lacks(List.of("sqs"))).isEmpty();
        assertThat(container.lacks(List.of("sqs", "kinesis", "dynamodb"))).isEmpty();
    }

    @Test
    void aContainerThatAsksForAnAuthTokenIsRecognisedFromItsLog() {
        assertThat(LocalStackInDocker.asksForToken("ERROR: License activation failed! Set LOCALSTACK_AUTH_TOKEN")).isTrue();
        assertThat(LocalStackInDocker.asksForToken("Ready.")).isFalse();
    }

    @Test
    void theHostVenvIsKeyedByVersionAndByTheRequirementsItInstalls() {
        String requirements = LocalStackHost.resource("requirements-host.txt");

        assertThat(requirements).contains("localstack-core[runtime]==4.14.0", "cbor2==5.8.0", "pyopenssl==25.3.0");
        assertThat(requirements.lines().filter(l -> !l.isBlank() && !l.startsWith("#")))
                .allSatisfy(l -> assertThat(l).contains("=="));
        assertThat(LocalStackHost.venv().dir().getFileName().toString()).matches("localstack-4\\.14\\.0-[0-9a-f]{12}");
    }
}
