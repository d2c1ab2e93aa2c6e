package io.awslabs.resources;

import java.util.List;
import java.util.regex.Pattern;

/**
 * IAM action names as a policy's {@code Action} element takes them: {@code service:Action}, the
 * service prefix in lower case (with dashes, as in {@code cognito-idp}) and the action in
 * PascalCase, no wildcard. A lab or a kind that declares anything else is refused where it is
 * declared, so no policy is ever printed with a word IAM would reject or read as a pattern.
 */
public final class IamActions {
    private static final Pattern ACTION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*:[A-Z][A-Za-z0-9]*");

    private IamActions() { }

    /** The actions, each checked. */
    public static List<String> checked(List<String> actions) {
        actions.forEach(IamActions::checked);
        return List.copyOf(actions);
    }

    /** The action, if it is one; else IllegalArgumentException naming it and the form it needs. */
    public static String checked(String action) {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("not an IAM action: '" + action
                    + "'; write it as service:Action, such as s3:PutObject");
        }
        return action;
    }

    /** The service prefix of an action: {@code s3} of {@code s3:PutObject}. */
    public static String service(String action) {
        return checked(action).substring(0, action.indexOf(':'));
    }
}
