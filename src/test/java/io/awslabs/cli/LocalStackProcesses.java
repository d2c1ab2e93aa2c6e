package io.awslabs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * LocalStack processes of one run, found by the gateway address in their environment (Linux
 * /proc): the way to prove that nothing LocalStack started outlives the command.
 */
final class LocalStackProcesses {
    private LocalStackProcesses() { }

    static List<Long> listeningOn(String gateway) {
        String marker = "GATEWAY_LISTEN=" + gateway;
        return ProcessHandle.allProcesses()
                .filter(p -> environmentOf(p.pid()).lines().anyMatch(marker::equals))
                .map(ProcessHandle::pid)
                .toList();
    }

    /** LocalStack's state directory (FILESYSTEM_ROOT) of the run on that gateway, while it runs. */
    static Path stateDirOf(String gateway) {
        String marker = "GATEWAY_LISTEN=" + gateway;
        return ProcessHandle.allProcesses()
                .map(p -> environmentOf(p.pid()))
                .filter(env -> env.lines().anyMatch(marker::equals))
                .flatMap(env -> env.lines().filter(l -> l.startsWith("FILESYSTEM_ROOT=")))
                .map(l -> Path.of(l.substring("FILESYSTEM_ROOT=".length())))
                .findFirst().orElseThrow(() -> new AssertionError("no LocalStack process on " + gateway));
    }

    private static String environmentOf(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")), StandardCharsets.ISO_8859_1)
                    .replace('\0', '\n');
        } catch (IOException | SecurityException e) {
            return "";
        }
    }
}
