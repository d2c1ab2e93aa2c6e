package io.awslabs.report;

/**
 * How a lab is labelled for people: its status, except that a lab that passed with any
 * assertion SKIPPED is PARTIAL, so "PASS" never stands for a lab whose proof was cut short on
 * this target. The JSON keeps the lab's status; every format for people shows the badge.
 */
public enum LabBadge {
    PASS, PARTIAL, FAIL, SKIPPED, ERROR;

    public static LabBadge of(LabReport lab) {
        return switch (lab.status()) {
            case PASS -> lab.assertions().stream().anyMatch(a -> a.status() == Status.SKIPPED) ? PARTIAL : PASS;
            case FAIL -> FAIL;
            case SKIPPED -> SKIPPED;
            case ERROR -> ERROR;
        };
    }
}
