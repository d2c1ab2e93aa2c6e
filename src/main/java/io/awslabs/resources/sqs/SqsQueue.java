package io.awslabs.resources.sqs;

import io.awslabs.resources.Gone;
import io.awslabs.resources.Provisioning;
import io.awslabs.resources.ResourceKind;
import io.awslabs.resources.RunMatcher;
import io.awslabs.resources.Teardown;
import io.awslabs.targets.Target;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * An SQS queue (standard, FIFO or dead-letter), tagged with the run's tags by CreateQueue itself.
 * It is recorded by the queue URL CreateQueue returns; its canonical id is the queue name, the
 * last segment of both that URL and the ARN the tagging API lists
 * ({@code arn:aws:sqs:region:account:name}). A delete looks the URL up by name on the target at
 * hand, since a recorded URL names the host it was created through (a proxy, another port).
 */
public final class SqsQueue implements ResourceKind {
    public static final SqsQueue KIND = new SqsQueue();
    /** Every lab resource name starts so; ListQueues filters on it server-side. */
    static final String LAB_PREFIX = "labs-";
    private static final String NON_EXISTENT_QUEUE = "AWS.SimpleQueueService.NonExistentQueue";
    /** ListQueues' largest page; with MaxResults set it pages with NextToken. */
    private static final int PAGE = 1000;

    /** A lab queue: its name, the URL calls take, and the ARN a redrive policy names. */
    public record Handle(String name, String url, String arn) { }

    private SqsQueue() { }

    /**
     * Creates {@code labs-<lab>-<run>-<suffix>} with these attributes and the run's tags. A FIFO
     * queue's suffix ends in {@code .fifo}.
     */
    public static Handle create(Provisioning p, String suffix, Map<QueueAttributeName, String> attributes)
            throws Exception {
        SqsClient sqs = p.client(SqsClient.class);
        String name = p.name(suffix);
        String url = p.create(KIND, () -> sqs.createQueue(r -> r.queueName(name).attributes(attributes)
                .tags(p.tags())).queueUrl());
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new Handle(name, url, arn);
    }

    @Override
    public String type() {
        return "SQS queue";
    }

    @Override
    public List<String> actions() {
        return List.of("sqs:CreateQueue", "sqs:TagQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl",
                "sqs:DeleteQueue");
    }

    @Override
    public List<String> sweepActions() {
        return List.of("sqs:ListQueues");
    }

    @Override
    public void delete(Teardown env, String idOrArn) throws Exception {
        SqsClient sqs = env.target().client(SqsClient.class);
        String name = canonicalId(idOrArn);
        try {
            String url = sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
            sqs.deleteQueue(r -> r.queueUrl(url));
        } catch (SqsException e) {
            if (doesNotExist(e)) {
                throw new Gone("gone.queue", name);
            }
            throw e;
        }
    }

    /**
     * AWS's answer maps to QueueDoesNotExistException; moto 5.2.5 answers the JSON protocol with
     * the query protocol's code as the error's type (moto/sqs/exceptions.py QueueDoesNotExist),
     * which the SDK leaves a plain SqsException.
     */
    private static boolean doesNotExist(SqsException e) {
        return e instanceof QueueDoesNotExistException || e.awsErrorDetails() != null
                && NON_EXISTENT_QUEUE.equals(e.awsErrorDetails().errorCode());
    }

    /** An SQS ARN has no resource type: {@code arn:aws:sqs:us-east-1:123456789012:name}. */
    @Override
    public boolean owns(Arn arn) {
        return arn.service().equals("sqs");
    }

    @Override
    public List<Found> find(Target target, RunMatcher runs) {
        return target.client(SqsClient.class).listQueuesPaginator(r -> r.queueNamePrefix(LAB_PREFIX).maxResults(PAGE))
                .queueUrls().stream()
                .flatMap(url -> runs.runOf(canonicalId(url)).map(run -> new Found(run, url)).stream())
                .toList();
    }
}
