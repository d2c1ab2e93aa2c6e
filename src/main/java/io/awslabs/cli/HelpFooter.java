package io.awslabs.cli;

import io.awslabs.text.Columns;
import io.awslabs.text.LineBreaks;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Renders the examples and exit codes at the end of every help page to the width picocli
 * chose (the terminal's). picocli's own footer wraps at any space, which cuts an example
 * mid-command or mid-comment; here an example keeps its command whole (a long one continues on
 * the next line after " \" before an option, as a shell reads it), its "# comment" moves closer
 * or, where it still does not fit, onto the line above, and prose and the exit-code table wrap
 * under their own indent, counted in terminal columns so that Chinese (two columns a character)
 * fits too.
 */
final class HelpFooter implements CommandLine.IHelpSectionRenderer {
    private static final Pattern EXAMPLE = Pattern.compile("^(\\s+)((?:labs|eval|aws) .*?)(?:\\s+(#.*))?$");
    /** "  130  text": the indent a wrapped line keeps, past the code (or list marker) column. */
    private static final Pattern HANGING = Pattern.compile("^(\\s*(?:\\S{1,4}\\s{2,})?)");
    private static final String CONTINUED = "      ";

    /** Installs the renderer on {@code cli} and every subcommand under it. */
    static void install(CommandLine cli) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, new HelpFooter());
        cli.getSubcommands().values().forEach(HelpFooter::install);
    }

    @Override
    public String render(CommandLine.Help help) {
        StringBuilder out = new StringBuilder();
        for (String entry : help.commandSpec().usageMessage().footer()) {
            for (String line : String.format(entry).split("\\R", -1)) {
                lines(line, help.commandSpec().usageMessage().width()).forEach(l -> out.append(l).append(System.lineSeparator()));
            }
        }
        return out.toString().replaceAll("(" + System.lineSeparator() + ")+$", System.lineSeparator());
    }

    static List<String> lines(String line, int width) {
        if (Columns.of(line) <= width) {
            return List.of(line);
        }
        Matcher example = EXAMPLE.matcher(line);
        if (example.matches()) {
            String indent = example.group(1);
            String comment = example.group(3);
            if (comment != null && Columns.of(indent + example.group(2) + "  " + comment) <= width) {
                return List.of(indent + example.group(2) + "  " + comment);
            }
            List<String> lines = new ArrayList<>();
            if (comment != null) {
                LineBreaks.wrap(comment, width - indent.length()).forEach(l -> lines.add(indent + l));
            }
            lines.addAll(command(indent, example.group(2), width));
            return lines;
        }
        Matcher hanging = HANGING.matcher(line);
        String indent = hanging.find() ? " ".repeat(hanging.group(1).length()) : "";
        String lead = line.substring(indent.length());
        List<String> wrapped = LineBreaks.wrap(lead, width - indent.length());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add((i == 0 ? line.substring(0, indent.length()) : indent) + wrapped.get(i));
        }
        return lines;
    }

    /** A command split only before an option, each line but the last ending in " \" so it still pastes whole. */
    private static List<String> command(String indent, String command, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder(indent);
        String[] words = command.split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean breakable = word.startsWith("--") && current.length() > indent.length();
            int needed = current.length() + 1 + phraseLength(words, i) + 2;
            if (breakable && needed > width) {
                lines.add(current.append(" \\").toString());
                current = new StringBuilder(indent).append(CONTINUED);
            } else if (current.length() > indent.length()) {
                current.append(' ');
            }
            current.append(word);
        }
        lines.add(current.toString());
        return lines;
    }

    /** An option with its values: the words up to the next option, which must stay on one line. */
    private static int phraseLength(String[] words, int from) {
        int length = words[from].length();
        for (int i = from + 1; i < words.length && !words[i].startsWith("--"); i++) {
            length += 1 + words[i].length();
        }
        return length;
    }
}
