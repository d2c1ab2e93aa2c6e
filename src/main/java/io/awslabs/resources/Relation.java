package io.awslabs.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How a resource that is a relation or a group (a policy attached to a role, a role in an
 * instance profile, record sets in a zone) is recorded: its typed value as one JSON object, the
 * id the ledger, the journal and the report carry.
 */
public final class Relation {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private Relation() { }

    public static String idOf(Record value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot record " + value, e);
        }
    }

    public static <R extends Record> R parse(String id, Class<R> type) {
        try {
            return JSON.readValue(id, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a recorded " + type.getSimpleName() + ": " + id, e);
        }
    }
}
