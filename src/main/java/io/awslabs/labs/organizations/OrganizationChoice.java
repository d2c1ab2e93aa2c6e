package io.awslabs.labs.organizations;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which organization the lab works in, from {@code --option organization}: one it creates in the
 * sandbox account, or an existing one by id. Without the option (emulators only: on AWS the run
 * is refused before anything is created) it creates one.
 */
record OrganizationChoice(boolean create, String existingId) {
    static final String OPTION = "organization";
    static final String CREATE = "create-in-sandbox";
    static final String ID_PATTERN = "o-[a-z0-9]{10,32}";
    static final String ACCEPTED = CREATE + "|" + ID_PATTERN;
    private static final Pattern ID = Pattern.compile(ID_PATTERN);

    static OrganizationChoice of(Optional<String> option) {
        String value = option.orElse(CREATE);
        if (value.equals(CREATE)) {
            return new OrganizationChoice(true, null);
        }
        if (ID.matcher(value).matches()) {
            return new OrganizationChoice(false, value);
        }
        throw new IllegalArgumentException("--option " + OPTION + "=" + value + " is neither " + CREATE
                + " nor an organization id (o- and 10 to 32 lowercase letters or digits)");
    }
}
