package io.awslabs.labs.s3;

import software.amazon.awssdk.services.s3.S3Client;

/** An object a challenge check uploads to see what S3 does with it; closing it deletes it. */
record ProbeObject(S3Client s3, String bucket, String key) implements AutoCloseable {

    @Override
    public void close() {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
