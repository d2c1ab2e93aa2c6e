package io.awslabs.cli;

import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.ChallengeText;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
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
        Lang lang = root.lang();
        Messages say = Messages.of(HintCommand.class, "challenge", lang);
        ChallengeSession session = ChallengeCli.session(root.verbose, ChallengeCli.progress(Terminal.detect(), lang));
        ChallengeState state = ChallengeCli.active(session);
        if (state.target().background()) {
            ChallengeCli.opener(root.verbose, ChallengeCli.progress(Terminal.detect(), lang)).background(state.target());
        }
        ChallengeSession.Hint hint = session.hint(state);
        PrintWriter out = spec.commandLine().getOut();
        // the third level is commands, which read the same in every language
        String text = hint.level() < 3 ? ChallengeText.of(session.challengeOf(state), lang).hints().get(hint.level() - 1)
                : say.get("hint.exact");
        out.println(say.get(hint.isNew() ? "hint.line" : "hint.again", hint.level(), text));
        hint.commands().forEach(c -> out.println("  " + c));
        if (hint.level() < 3) {
            out.println(say.get("hint.next", hint.level() + 1));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
