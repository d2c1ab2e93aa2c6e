package io.awslabs.labs.kms;

import io.awslabs.lab.Challenge;
import io.awslabs.lab.ChallengeChecks;
import io.awslabs.lab.ChallengeInfo;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.Scaffold;
import io.awslabs.resources.kms.KmsAlias;
import io.awslabs.resources.kms.KmsKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * The learner prepares a KMS key for envelope encryption as an application uses it: an alias to
 * name it by, yearly rotation of its key material, and a data key for invoices, stored encrypted
 * under the key and bound to an encryption context. The checks use the alias and the stored
 * data key as the application would, and show that the data key opens only with its context.
 */
public final class KmsEnvelopeEncryptionChallenge implements Challenge {
    static final String KEY = "key";
    static final String ALIAS = "alias";
    static final String DATA_KEY_FILE = "invoices.datakey";
    static final Map<String, String> CONTEXT = Map.of("purpose", "invoices");
    private static final int AES_256_BYTES = 32;

    @Override
    public String labId() {
        return "kms-envelope-encryption";
    }

    @Override
    public ChallengeInfo info() {
        return ChallengeInfo.goal("Applications can name this KMS key by its alias (see 'alias' below), the key's "
                        + "material rotates automatically every year, and the file " + DATA_KEY_FILE + " of the challenge "
                        + "directory holds a data key for invoices (AES-256), encrypted under this key and bound to the "
                        + "encryption context purpose=invoices, as the CiphertextBlob in base64.")
                .creates("a symmetric KMS key (tagged with the run id), scheduled for deletion at 'labs stop'")
                .file(DATA_KEY_FILE)
                .resource(KEY, "the KMS key that protects the invoices")
                .check("alias-names-this-key",
                        "Data encrypted under the alias is decrypted by this challenge's key")
                .check("rotation-enabled",
                        "Automatic rotation of the key material is enabled on the key")
                .check("data-key-bound-to-context",
                        "The stored data key is a 256-bit key encrypted under this key: Decrypt with purpose=invoices "
                                + "returns it, Decrypt without that context is refused")
                .hints("KMS aliases, automatic key rotation, and envelope encryption: KMS generates a data key and "
                                + "returns it also encrypted under the KMS key, for you to store next to the data; the "
                                + "encryption context is bound to that ciphertext.",
                        "The KMS API calls CreateAlias (TargetKeyId: the key), EnableKeyRotation, and GenerateDataKey "
                                + "(KeySpec AES_256, EncryptionContext purpose=invoices); store its CiphertextBlob.");
    }

    @Override
    public void scaffold(LabContext ctx, Scaffold.Builder scaffold) throws Exception {
        KmsKey.Handle key = KmsKey.create(ctx, "invoices");
        scaffold.item(KEY, KmsKey.KIND.type(), key.id(), key.arn())
                .value(ALIAS, "alias/" + ctx.name())
                .value(DATA_KEY_FILE, scaffold.file(DATA_KEY_FILE).toString());
    }

    @Override
    public void check(LabContext ctx, Scaffold scaffold, ChallengeChecks check) {
        KmsClient kms = ctx.client(KmsClient.class);
        String keyArn = scaffold.arn(KEY);
        String alias = scaffold.value(ALIAS);

        check.that("alias-names-this-key", p -> {
            EncryptResponse encrypted;
            try {
                encrypted = kms.encrypt(r -> r.keyId(alias).plaintext(SdkBytes.fromUtf8String("probe of " + ctx.runId())));
            } catch (NotFoundException e) {
                p.error("kms:Encrypt(alias)", e);
                p.isTrue("the alias exists", false, "NotFoundException", ctx.words("fail.noAliasYet", alias));
                return;
            }
            p.call("kms:Encrypt(alias)", encrypted);
            DecryptResponse decrypted = kms.decrypt(r -> r.ciphertextBlob(encrypted.ciphertextBlob()));
            p.call("kms:Decrypt", decrypted);
            p.equal("key that decrypted it", keyArn, decrypted.keyId(),
                    ctx.words("fail.aliasNamesAnotherKey", alias, decrypted.keyId(), keyArn));
        });

        check.that("rotation-enabled", p -> {
            var status = kms.getKeyRotationStatus(r -> r.keyId(scaffold.id(KEY)));
            p.call("kms:GetKeyRotationStatus", status);
            p.equal("KeyRotationEnabled", true, status.keyRotationEnabled(),
                    ctx.words("fail.rotationOff"));
        });

        check.that("data-key-bound-to-context", p -> {
            Path file = scaffold.file(DATA_KEY_FILE);
            p.isTrue(file.getFileName() + " exists", Files.isRegularFile(file), file, ctx.words("fail.noDataKeyFile", file));
            byte[] blob;
            try {
                blob = Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException | java.nio.charset.MalformedInputException e) {
                p.isTrue(file.getFileName() + " holds base64", false, e.getMessage(),
                        ctx.words("fail.dataKeyFileNotBase64", file));
                return;
            }
            p.evidence("ciphertextBytes", blob.length);
            DecryptResponse opened;
            try {
                opened = kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob)).encryptionContext(CONTEXT));
            } catch (InvalidCiphertextException e) {
                p.error("kms:Decrypt(purpose=invoices)", e);
                p.isTrue("Decrypt with purpose=invoices succeeds", false, "InvalidCiphertextException",
                        ctx.words("fail.dataKeyNotOpenedWithContext"));
                return;
            }
            p.call("kms:Decrypt(purpose=invoices)", opened);
            p.equal("key that decrypted it", keyArn, opened.keyId(),
                    ctx.words("fail.dataKeyUnderAnotherKey", opened.keyId()));
            p.equal("data key length in bytes", AES_256_BYTES, opened.plaintext().asByteArray().length,
                    ctx.words("fail.dataKeyNotAes256", opened.plaintext().asByteArray().length * 8));
            boolean refusedWithout;
            try {
                kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(blob)));
                refusedWithout = false;
            } catch (InvalidCiphertextException e) {
                p.error("kms:Decrypt(no context)", e);
                refusedWithout = true;
            }
            p.isTrue("Decrypt without the context is refused", refusedWithout, refusedWithout ? "refused" : "decrypted",
                    ctx.words("fail.dataKeyNotBoundToContext"));
        });
    }

    /** The lab's own steps: its alias helper, EnableKeyRotation, and GenerateDataKey with a context. */
    @Override
    public void solve(LabContext ctx, Scaffold scaffold) throws Exception {
        KmsClient kms = ctx.client(KmsClient.class);
        String keyId = scaffold.id(KEY);
        KmsAlias.create(ctx, keyId);
        kms.enableKeyRotation(r -> r.keyId(keyId));
        SdkBytes encrypted = kms.generateDataKey(r -> r.keyId(scaffold.value(ALIAS)).keySpec(DataKeySpec.AES_256)
                .encryptionContext(CONTEXT)).ciphertextBlob();
        Files.writeString(scaffold.file(DATA_KEY_FILE), Base64.getEncoder().encodeToString(encrypted.asByteArray()) + "\n");
    }

    @Override
    public List<String> commands(Scaffold scaffold) {
        String alias = scaffold.value(ALIAS);
        return List.of("aws kms create-alias --alias-name " + alias + " --target-key-id " + scaffold.id(KEY),
                "aws kms enable-key-rotation --key-id " + scaffold.id(KEY),
                "aws kms generate-data-key --key-id " + alias + " --key-spec AES_256 --encryption-context purpose=invoices "
                        + "--query CiphertextBlob --output text > '" + scaffold.file(DATA_KEY_FILE) + "'");
    }
}
