package io.awslabs.lab;

import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.Teardown;
import java.util.List;

/** A resource kind whose deletes only write down what they were asked to delete. */
record RecordingKind(String type, List<String> events) implements ResourceKind {
    RecordingKind(List<String> events) {
        this("thing", events);
    }

    @Override
    public List<String> actions() {
        return List.of();
    }

    @Override
    public void delete(Teardown env, String id) {
        events.add("delete " + id);
    }
}
