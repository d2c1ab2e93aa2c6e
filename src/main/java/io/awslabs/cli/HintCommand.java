package io.awslabs.cli;

import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "hint",
        description = {"The next hint for the active challenge, of three: the feature to use, the API call or console "
                + "setting, the exact AWS CLI command. Hints used are recorded with your progress."},
        footer = {"%nExamples:", "  labs hint", "  labs hint     # the next level"})
final class HintCommand implements Callable<Integer> {
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
        ChallengeSession.Hint hint = session.hint(state);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("hint %d of 3%s: %s%n", hint.level(), hint.isNew() ? "" : " (the last one, again)", hint.text());
        hint.commands().forEach(c -> out.println("  " + c));
        if (hint.level() < 3) {
            out.println("'labs hint' again gives hint " + (hint.level() + 1) + " of 3");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
