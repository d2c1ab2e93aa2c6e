package io.awslabs.lab;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.Teardown;
import io.awslabs.resources.Wait;
import io.awslabs.targets.Target;
import io.awslabs.text.Said;
import java.util.Map;
import java.util.function.Function;

/**
 * Provisioning on a server this lab started for itself (the IAM-enforcing moto): names and tags
 * carry the run id as usual, and teardown deletes each resource through its kind on that server,
 * newest first with the lab's other resources. Nothing is journaled, since what lives there ends
 * when the server stops, and each teardown type names the server ("IAM user (private moto)") so
 * that no sweep of the run's target looks for it there.
 */
final class PrivateProvisioning implements Provisioning {
    private final LabContext ctx;
    private final Target target;
    private final String where;
    private final Teardown teardown;

    PrivateProvisioning(LabContext ctx, Target target, String where) {
        this.ctx = ctx;
        this.target = target;
        this.where = where;
        this.teardown = new Teardown(target, ctx.runId(), ctx.waits(), ctx::progress);
    }

    @Override public Target target() { return target; }
    @Override public String runId() { return ctx.runId(); }
    @Override public String name() { return ctx.name(); }
    @Override public Map<String, String> tags() { return ctx.tags(); }
    @Override public void note(Said text) { ctx.note(text); }
    @Override public void progress(Said message) { ctx.progress(message); }
    @Override public Wait waits() { return ctx.waits(); }

    @Override
    public <T> T create(ResourceKind kind, Creator<T> create, Function<T, String> idOf) throws Exception {
        ctx.declared(kind);
        T created = create.create();
        String id = idOf.apply(created);
        String type = kind.type() + " (" + where + ")";
        ctx.ledger().registerLocal(type, id, () -> kind.delete(teardown, id));
        ctx.progress(RunWords.created(type, id));
        return created;
    }
}
