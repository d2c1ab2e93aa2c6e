package io.awslabs.cli;

import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.targets.TargetKind;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "env",
        description = {"Print the shell exports that point the AWS CLI, boto3 and the SDKs at the active challenge's "
                + "target: endpoint, test credentials and region on an emulator; profile and region on aws."},
        footer = {"%nExamples:", "  eval \"$(labs env)\"", "  aws s3 ls"})
final class EnvCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Override
    public Integer call() {
        ChallengeSession session = ChallengeCli.session(root.verbose, ChallengeCli.progress(Terminal.detect(), root.lang()));
        ChallengeState state = ChallengeCli.active(session);
        if (state.target().background()) {
            ChallengeCli.opener(root.verbose, ChallengeCli.progress(Terminal.detect(), root.lang())).background(state.target());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(render(state));
        out.flush();
        return ExitCodes.OK;
    }

    /** The exports; every value quoted for the shell. */
    static String render(ChallengeState state) {
        ChallengeState.Place place = state.target();
        StringBuilder env = new StringBuilder();
        if (TargetKind.parse(place.kind()) == TargetKind.AWS) {
            env.append(place.sdkEndpoint() == null ? "unset AWS_ENDPOINT_URL\n"
                    : export("AWS_ENDPOINT_URL", place.sdkEndpoint()));
            if (place.profile() != null) {
                env.append(export("AWS_PROFILE", place.profile()));
            }
        } else {
            // a profile set in the shell would win over the keys for the AWS CLI and boto3
            env.append("unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN\n")
                    .append(export("AWS_ENDPOINT_URL", place.endpoint()))
                    .append(export("AWS_ACCESS_KEY_ID", "test"))
                    .append(export("AWS_SECRET_ACCESS_KEY", "test"));
        }
        env.append(export("AWS_REGION", place.region()))
                // the AWS CLI version 1 reads only this one
                .append(export("AWS_DEFAULT_REGION", place.region()))
                .append(export("LABS_CHALLENGE_DIR", state.scaffold().workDir()))
                .append("# challenge ").append(state.lab()).append(" (run ").append(state.runId()).append(") on ")
                .append(place.endpoint() != null ? place.endpoint() : "aws account " + place.account()).append('\n');
        return env.toString();
    }

    private static String export(String name, String value) {
        return "export " + name + "=" + ChallengeCli.shellQuote(value) + "\n";
    }
}
