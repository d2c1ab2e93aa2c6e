package io.awslabs.cli;

import io.awslabs.targets.LocalStack;
import io.awslabs.targets.TargetKind;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Option;

/** The target options of {@code labs run}: the shared ones, the LocalStack image to start, and consent to spend. */
final class RunTargetOptions extends TargetOptions {
    @Option(names = "--localstack-image", paramLabel = "IMAGE",
            description = "localstack: the image to start (default: " + LocalStack.IMAGE
                    + "; needs Docker; newer tags need LOCALSTACK_AUTH_TOKEN).")
    String localstackImage;

    @Option(names = "--yes", description = "aws: proceed after the plan without asking (needed when stdin is not a terminal).")
    boolean yes;

    /** Where to run, every flag checked against it; nothing has started yet. */
    Checked check() {
        return check("run");
    }

    /** {@link #check()} for another command that takes {@code run}'s target options. */
    Checked check(String command) {
        TargetKind kind = kind(command);
        refuseEndpointUrlUnless(kind);
        refuseAwsOptionsOn(kind, yes ? List.of("--yes") : List.of());
        if (localstackImage != null && kind != TargetKind.LOCALSTACK) {
            throw new UsageException(new ErrorText("imageNotHere", kind.id()));
        }
        if (localstackImage != null && localstackImage.isBlank()) {
            throw new UsageException(new ErrorText("imageEmpty", LocalStack.IMAGE));
        }
        URI endpoint = endpoint(kind);
        String regionFor = region != null || kind == TargetKind.AWS ? region : "us-east-1";
        return new Checked(kind, endpoint, regionFor);
    }

    /** Emulators default to us-east-1; on aws, a null region means the SDK's region chain. */
    record Checked(TargetKind kind, URI endpoint, String region) { }
}
