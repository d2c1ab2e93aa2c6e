package io.awslabs.labs.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ecs.EcsTaskDefinition;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

/**
 * The task: one container, a tiny web server on container port 8080 that answers with its own
 * host name (Docker sets it to the container's short ID), so a response says which task served
 * it. Bridge networking with hostPort 0: each task gets a free host port from the instance's
 * ephemeral range, and several copies fit on one instance.
 */
final class WebTask {
    static final String CONTAINER = "web";
    static final int CONTAINER_PORT = 8080;
    static final int DYNAMIC = 0;
    static final String IMAGE = "public.ecr.aws/docker/library/python:3.12-alpine";
    static final String SERVER = """
            import http.server, socket
            class Who(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    body = socket.gethostname().encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
            http.server.ThreadingHTTPServer(("", 8080), Who).serve_forever()
            """;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private WebTask() { }

    /** The same container as {@link #register} gives it, as the JSON the AWS CLI's --container-definitions takes. */
    static String containerDefinitionsJson(int hostPort) {
        try {
            return JSON.writeValueAsString(List.of(Map.of("name", CONTAINER, "image", IMAGE, "essential", true,
                    "cpu", 128, "memory", 128, "command", List.of("python", "-c", SERVER),
                    "portMappings", List.of(Map.of("containerPort", CONTAINER_PORT, "hostPort", hostPort, "protocol", "tcp")))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers the task definition with a dynamic host port; its ARN. */
    static String register(Provisioning p) throws Exception {
        return register(p, DYNAMIC);
    }

    /** Registers a revision that publishes container port 8080 on this host port (0: dynamic); its ARN. */
    static String register(Provisioning p, int hostPort) throws Exception {
        return EcsTaskDefinition.register(p, "web", r -> r.networkMode(NetworkMode.BRIDGE)
                .requiresCompatibilitiesWithStrings("EC2")
                .containerDefinitions(c -> c.name(CONTAINER).image(IMAGE).essential(true).cpu(128).memory(128)
                        .command(List.of("python", "-c", SERVER))
                        .portMappings(m -> m.containerPort(CONTAINER_PORT).hostPort(hostPort).protocol(TransportProtocol.TCP))));
    }
}
