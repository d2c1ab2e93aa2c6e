package io.awslabs.cli;

import io.awslabs.concepts.ConceptCard;
import io.awslabs.concepts.ConceptCards;
import io.awslabs.text.Messages;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "explain", description = "Concept cards for what no lab can run: the concept, the exam angle and its "
        + "trap, what it is confused with, why there is no lab, sources. Without a topic, lists them.")
final class ExplainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabsCommand root;

    @Parameters(paramLabel = "TOPIC", arity = "0..1", description = "A topic (see 'labs explain').")
    String topic;

    @Override
    public Integer call() {
        Messages say = Messages.of(ExplainCommand.class, root.lang());
        ConceptCards cards = new ConceptCards(say.lang());
        PrintWriter out = spec.commandLine().getOut();
        if (topic == null) {
            int width = cards.topics().stream().mapToInt(String::length).max().orElse(5);
            out.println(say.get("explain.heading"));
            for (ConceptCard card : cards.all()) {
                out.printf("  %-" + width + "s  %s%n", card.topic(), card.title());
            }
            out.println();
            out.println(say.get("explain.footer"));
            out.flush();
            return ExitCodes.OK;
        }
        ConceptCard card = cards.find(topic).orElseThrow(() -> unknown(cards));
        out.print(card.text());
        out.flush();
        return ExitCodes.OK;
    }

    private UsageException unknown(ConceptCards cards) {
        List<String> close = Closest.to(topic, cards.topics(), Math.max(3, topic.length() / 3), 3);
        return new UsageException(close.isEmpty() ? new ErrorText("unknownTopic", topic)
                : new ErrorText("unknownTopicClose", topic, String.join(", ", close)));
    }
}
