package io.awslabs.resources.iam;

import io.awslabs.resources.Provisioning;
import io.awslabs.resources.Relation;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/**
 * An access key of a lab user, recorded by user and key id; the secret is returned once, kept in
 * memory by the lab that signs with it, and never recorded anywhere.
 */
public final class AccessKey implements ResourceKind {
    public static final AccessKey KIND = new AccessKey();

    /** Which key of which user: what the ledger and the journal hold. */
    public record Key(String user, String accessKeyId) { }

    /**
     * The key and the credentials it signs with. {@link #toString} leaves the secret out, so that
     * no log or evidence built from this object can carry it.
     */
    public static final class Issued {
        private final Key key;
        private final AwsBasicCredentials credentials;

        Issued(Key key, AwsBasicCredentials credentials) {
            this.key = key;
            this.credentials = credentials;
        }

        public Key key() {
            return key;
        }

        public StaticCredentialsProvider credentials() {
            return StaticCredentialsProvider.create(credentials);
        }

        @Override
        public String toString() {
            return "access key of " + key.user();
        }
    }

    private AccessKey() { }

    public static Issued create(Provisioning p, String user) throws Exception {
        IamClient iam = p.client(IamClient.class);
        return p.create(KIND, () -> {
            software.amazon.awssdk.services.iam.model.AccessKey created = iam.createAccessKey(r -> r.userName(user)).accessKey();
            return new Issued(new Key(user, created.accessKeyId()),
                    AwsBasicCredentials.create(created.accessKeyId(), created.secretAccessKey()));
        }, issued -> Relation.idOf(issued.key()));
    }

    @Override
    public String type() {
        return "IAM access key";
    }

    @Override
    public List<String> actions() {
        return List.of("iam:CreateAccessKey", "iam:DeleteAccessKey");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("iam:ListUsers", "iam:ListAccessKeys");
    }

    @Override
    public void delete(Teardown env, String id) {
        Key key = Relation.parse(id, Key.class);
        env.target().client(IamClient.class).deleteAccessKey(r -> r.userName(key.user()).accessKeyId(key.accessKeyId()));
    }

    @Override
    public String canonicalId(String id) {
        return id;
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        IamClient iam = target.client(IamClient.class);
        List<Found> found = new ArrayList<>();
        for (Found user : IamUser.KIND.find(target, runs)) {
            for (AccessKeyMetadata key : iam.listAccessKeysPaginator(r -> r.userName(user.id())).accessKeyMetadata()) {
                found.add(new Found(user.runId(), Relation.idOf(new Key(user.id(), key.accessKeyId()))));
            }
        }
        return found;
    }
}
