package io.awslabs.cli;

import io.awslabs.targets.EnvironmentException;
import io.awslabs.text.Lang;
import java.io.Console;
import java.lang.reflect.InvocationTargetException;

/**
 * Consent to spend money in a real account: {@code --yes}, or the account id typed back at a
 * terminal, asked in the learner's language. Never a prompt when nobody can answer it (stdin not
 * a terminal, as in CI).
 */
final class Confirmation {
    private Confirmation() { }

    static void require(boolean yes, String account, Lang lang) {
        if (yes) {
            return;
        }
        Console console = System.console();
        if (console == null || !isTerminal(console)) {
            throw EnvironmentException.of("confirmNeedsTerminal");
        }
        // the bundle's texts are stripped: the space before the answer is added here
        String typed = console.readLine("%s ", RunPlan.words(lang).get("confirm.prompt", account));
        if (typed == null || !typed.trim().equals(account)) {
            throw EnvironmentException.of("notConfirmed", account);
        }
    }

    /**
     * Java 22 and later return a console even when redirected and say so through
     * {@code isTerminal()}; before that, a console exists only for a terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false;
        }
    }
}
