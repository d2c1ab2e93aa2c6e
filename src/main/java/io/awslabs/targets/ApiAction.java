package io.awslabs.targets;

/**
 * One action of a service's API ({@code ec2:CreatePlacementGroup}): what a lab names when it
 * depends on an action that an emulator serving the service does not implement.
 */
public record ApiAction(String service, String action) {
    @Override
    public String toString() {
        return service + ":" + action;
    }
}
