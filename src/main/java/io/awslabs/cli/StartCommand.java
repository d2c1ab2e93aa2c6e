package io.awslabs.cli;

import io.awslabs.challenge.ChallengeCatalog;
import io.awslabs.challenge.ChallengeSession;
import io.awslabs.challenge.ChallengeState;
import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeRun;
import io.awslabs.lab.ChallengeText;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.LabOptions;
import io.awslabs.lab.LabText;
import io.awslabs.lab.OptionCheck;
import io.awslabs.lab.Progress;
import io.awslabs.lab.StateDirs;
import io.awslabs.targets.AwsTarget;
import io.awslabs.targets.BackgroundEmulator;
import io.awslabs.targets.Target;
import io.awslabs.targets.TargetKind;
import io.awslabs.targets.Targets;
import io.awslabs.text.Lang;
import io.awslabs.text.Messages;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start",
        defaultValueProvider = TargetOptions.MotoByDefault.class,
        description = {"Start a lab's challenge: you build the lab's key step by hand, 'labs check' judges it.",
                "On moto or LocalStack the emulator keeps running in the background between commands and stops "
                        + "itself after --idle-stop without one. One challenge is active at a time."},
        footer = {"%nExamples:",
                "  labs start s3-default-encryption            # on moto, in the background",
                "  eval \"$(labs env)\"                          # the AWS CLI now talks to it",
                "  labs check",
                "  labs start kms-envelope-encryption --target localstack",
                "  labs start kms-envelope-encryption --target aws --account 123456789012",
                "%nExit codes: 0 started, 2 usage error (unknown lab, bad option, a challenge is active), 3 environment",
                "error (emulator, endpoint, credentials, the aws guard, a scaffold that failed and was removed),",
                "4 a failed scaffold could not be removed entirely."})
final class StartCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Parameters(paramLabel = "LAB", description = "The lab whose challenge to start (see 'labs list').")
    String labId;

    @Mixin
    RunTargetOptions target;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "A lab option, e.g. --option domain=example.com.")
    Map<String, String> labOptions = new LinkedHashMap<>();

    @Option(names = "--idle-stop", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2h",
            description = "moto, localstack: the background emulator stops itself after this long without a labs "
                    + "command (default: ${DEFAULT-VALUE}).")
    Duration idleStop;

    @Override
    public Integer call() {
        Lab lab = new LabResolver().one(labId);
        LabInfo info = lab.info();
        Lang lang = root.lang();
        Messages say = Messages.of(StartCommand.class, "challenge", lang);
        Terminal terminal = Terminal.detect();
        Progress progress = ChallengeCli.progress(terminal, lang);
        ChallengeSession session = ChallengeCli.session(root.verbose, progress);
        session.active().ifPresent(StartCommand::refuseSecond);
        Challenge challenge = new ChallengeCatalog().forLab(info.id()).orElseThrow(() -> new UsageException(
                new ErrorText("noChallengeForLab", info.id())));
        LabOptions.refusal(List.of(info), labOptions).ifPresent(why -> {
            throw new UsageException(new ErrorText("challengeOptions", why, info.id()));
        });
        RunTargetOptions.Checked asked = target.check("start");
        TargetKind kind = asked.kind();
        OptionCheck.of(List.of(info), kind, labOptions).ifPresent(refusal -> {
            throw new UsageException(new ErrorText("labOptionRefused", refusal.problem(), refusal.fix()));
        });
        AwsTarget.Options aws = target.aws();
        String regionName = asked.region();
        ChallengeState state;
        String where;
        BackgroundEmulator started = null;
        try (Target opened = switch (kind) {
            case MOTO, LOCALSTACK -> (started = BackgroundEmulator.ensure(ChallengeCli.emulatorDir(), kind, idleStop,
                    line -> progress.info(null, line), root.verbose)).target(regionName);
            default -> Targets.open(new Targets.Request(kind, asked.endpoint(), regionName, root.verbose), aws,
                    line -> progress.info(null, line));
        }) {
            ChallengeState.Place place = place(kind, opened, started);
            if (opened instanceof AwsTarget account) {
                System.err.print(plan(account, lab, challenge, lang));
                System.err.flush();
                Confirmation.require(target.yes, account.accountId(), lang);
            }
            where = describe(opened, say);
            state = session.start(lab, challenge, opened, place, Map.copyOf(labOptions));
        } catch (ChallengeSession.AlreadyActive e) {
            refuseSecond(e.active());
            throw e;
        } catch (ChallengeRun.Failed e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("labs: " + e.getMessage());
            e.teardown().forEach(t -> err.println("  " + say.get("start.failedTeardown", t.type(), t.id(), t.outcome())));
            err.println(ErrorText.say(lang, "hint", say.get("start.failedHint")));
            err.flush();
            boolean left = e.teardown().stream().anyMatch(t -> t.outcome().leftSomething());
            return left ? ExitCodes.TEARDOWN_INCOMPLETE : ExitCodes.ENVIRONMENT;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ChallengeTask.render(state, LabText.of(lab, lang), ChallengeText.of(challenge, lang), where));
        out.flush();
        return ExitCodes.OK;
    }

    private static void refuseSecond(ChallengeState active) {
        throw new UsageException(new ErrorText("secondChallenge", active.lab(), active.runId()));
    }

    private ChallengeState.Place place(TargetKind kind, Target opened, BackgroundEmulator background) {
        String endpoint = opened.endpoint().map(Object::toString).orElse(null);
        if (opened instanceof AwsTarget account) {
            return new ChallengeState.Place(kind.id(), null, account.region(), account.accountId(), account.profile(),
                    target.allowProdAlias, System.getenv("AWS_ENDPOINT_URL"), false);
        }
        return new ChallengeState.Place(kind.id(), endpoint, opened.region(), opened.accountId(), null, false, null,
                background != null);
    }

    private static String describe(Target target, Messages say) {
        return target.emulator().map(e -> say.get("where.emulator", e.describe(), target.endpoint().orElseThrow()))
                .orElseGet(() -> target.endpoint().map(u -> say.get("where.endpoint", u))
                        .orElse(say.get("where.aws", target.accountId(), target.region())));
    }

    /** What the challenge creates in a real account, before anything is: as for 'labs run', with the scaffold's list. */
    private static String plan(AwsTarget account, Lab lab, Challenge challenge, Lang lang) {
        Messages say = RunPlan.words(lang);
        LabInfo info = lab.info();
        StringBuilder plan = new StringBuilder(say.get("challenge.heading", info.id())).append('\n');
        RunPlan.where(plan, say, account.identity(), account.allowedBy(), account.region(), StateDirs.journals());
        RunPlan.labelled(plan, say, "creates", ChallengeText.of(challenge, lang).creates());
        RunPlan.labelled(plan, say, "cost", List.of(say.get("challenge.cost", RunPlan.dollars(info.costPerRunUsd()),
                LabText.of(lab, lang).costNote())));
        RunPlan.Warning.LASTING.of(List.of(info), say).forEach(l -> RunPlan.labelled(plan, say, "lasting", List.of(l)));
        RunPlan.Warning.SLOW.of(List.of(info), say).forEach(l -> RunPlan.labelled(plan, say, "slow", List.of(l)));
        plan.append("  ").append(say.get("challenge.stay", info.id())).append('\n');
        return plan.toString();
    }
}
