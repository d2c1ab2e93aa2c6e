package io.awslabs.labs.kms;

import static io.awslabs.targets.EmulatorKind.MOTO;

import io.awslabs.lab.Checks;
import io.awslabs.lab.ExamDomain;
import io.awslabs.lab.Lab;
import io.awslabs.lab.LabContext;
import io.awslabs.lab.LabInfo;
import io.awslabs.lab.Symptom;
import io.awslabs.resources.kms.KmsAlias;
import io.awslabs.resources.kms.KmsKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;

/** Proves how KMS protects data: direct encryption up to 4 KB, envelope encryption beyond. */
public final class KmsEnvelopeEncryptionLab implements Lab {
    static final int DIRECT_LIMIT_BYTES = 4096;
    private static final int PAYLOAD_BYTES = 1024 * 1024;
    private static final int GCM_TAG_BITS = 128;
    private static final int GCM_IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The rotation period of a key whose automatic rotation is enabled without one. */
    static final int DEFAULT_ROTATION_DAYS = 365;
    private static final Duration ROTATION_LIMIT = Duration.ofMinutes(3);
    private static final Duration ROTATION_POLL = Duration.ofSeconds(10);

    private KmsKey.Handle key;
    private String alias;
    private KmsKey.Handle retiringKey;
    private Map<String, String> context;

    @Override
    public LabInfo info() {
        return LabInfo.of("kms-envelope-encryption", "KMS envelope encryption")
                .exam(ExamDomain.SECURE, "1.3 Determine appropriate data security controls")
                .concept("A KMS key never leaves KMS and encrypts at most 4 KB directly. Larger data is encrypted "
                        + "locally with a data key that KMS generates and returns twice: in plaintext, to use and "
                        + "drop, and encrypted under the KMS key, to store next to the data. The encryption context "
                        + "is authenticated data: decrypting with a different one fails.")
                .examAngle("Why GenerateDataKey instead of Encrypt for a 1 MB file? What does the encryption context "
                        + "protect against? What happens to a disabled key, and why can't a key be deleted at once?")
                .services("kms")
                .costPerRunUsd(0.01, "two customer managed keys at $1/month prorated hourly for under an hour, the "
                        + "on-demand rotation's new key material at another $1/month prorated the same way, plus about 25 "
                        + "requests at $0.03 per 10,000 (aws.amazon.com/kms/pricing)")
                .provisions(KmsAlias.KIND, KmsKey.KIND)
                .calls("kms:Decrypt", "kms:DisableKey", "kms:EnableKeyRotation", "kms:Encrypt", "kms:GenerateDataKey",
                        "kms:GetKeyRotationStatus", "kms:RotateKeyOnDemand")
                .creates("a symmetric KMS key (tagged with the run id) and its alias",
                        "a second KMS key that is disabled and scheduled for deletion during the lab")
                .asserts("direct-round-trip",
                        "Encrypt then Decrypt of a small secret returns the original bytes; the ciphertext differs "
                                + "from the plaintext and Decrypt names the key that was used")
                .asserts("direct-limit-4096-bytes",
                        "Encrypt accepts at most 4096 bytes of plaintext; 4097 bytes are rejected "
                                + "(the reason envelope encryption exists)")
                .asserts("envelope-round-trip",
                        "GenerateDataKey returns a plaintext and an encrypted data key; 1 MiB encrypted locally with "
                                + "AES-GCM is recovered byte for byte after Decrypt of the encrypted data key alone")
                .asserts("context-mismatch-rejected",
                        "Decrypt with a different encryption context fails with InvalidCiphertextException")
                .asserts("rotation-enabled",
                        "After EnableKeyRotation with no period, GetKeyRotationStatus reports rotation enabled with "
                                + "RotationPeriodInDays " + DEFAULT_ROTATION_DAYS + ", the default")
                .asserts("on-demand-rotation-keeps-old-ciphertext",
                        "RotateKeyOnDemand gives the key new key material (DescribeKey's CurrentKeyMaterialId changes), "
                                + "and a ciphertext made before the rotation still decrypts to the same bytes: KMS keeps "
                                + "every earlier key material of the key")
                .asserts("disabled-key-refuses-encrypt",
                        "A disabled key refuses Encrypt with DisabledException")
                .asserts("deletion-is-scheduled",
                        "ScheduleKeyDeletion with the 7-day minimum puts the key in PendingDeletion with a deletion "
                                + "date about 7 days away, not deleted at once")
                .note("Encrypt's plaintext limit is 4096 bytes (docs.aws.amazon.com/kms/latest/APIReference/API_Encrypt.html).")
                .note("ScheduleKeyDeletion waits 7-30 days, default 30 "
                        + "(docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html).")
                .note("Automatic rotation without RotationPeriodInDays rotates every 365 days; the period can be 90 to "
                        + "2560 days (docs.aws.amazon.com/kms/latest/APIReference/API_EnableKeyRotation.html).")
                .note("RotateKeyOnDemand starts a rotation at once, at most 10 times per key; KMS keeps all earlier key "
                        + "material, so older ciphertexts still decrypt "
                        + "(docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html).")
                .note("DisableKey, like every KMS change, is eventually consistent: Encrypt may still succeed for a few "
                        + "seconds, so on AWS the lab asks again for up to 30 s before counting the key as still usable "
                        + "(docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html).")
                .note("A disabled key cannot be used in cryptographic operations "
                        + "(docs.aws.amazon.com/kms/latest/developerguide/key-state.html).")
                .source("https://docs.aws.amazon.com/kms/latest/developerguide/kms-cryptography.html#enveloping")
                .source("https://docs.aws.amazon.com/kms/latest/developerguide/encrypt_context.html")
                .source("https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html")
                .source("https://docs.aws.amazon.com/kms/latest/APIReference/API_RotateKeyOnDemand.html")
                .source("https://docs.aws.amazon.com/kms/latest/APIReference/API_GetKeyRotationStatus.html")
                .gap(MOTO, "rotation-enabled", Symptom.checkFails("RotationPeriodInDays", "null"),
                        "moto's GetKeyRotationStatus answers only KeyRotationEnabled, without the rotation period",
                        "moto/kms/responses.py get_key_rotation_status returns json.dumps({\"KeyRotationEnabled\": ...}) "
                                + "(moto 5.2.5)")
                .gap(MOTO, "on-demand-rotation-keeps-old-ciphertext",
                        Symptom.checkFails("the key reports its CurrentKeyMaterialId", "null"),
                        "moto keys have a single key material: DescribeKey has no CurrentKeyMaterialId, and "
                                + "RotateKeyOnDemand only appends a rotation record, so no rotation could be shown",
                        "moto/kms/models.py KmsBackend.rotate_key_on_demand appends to key.rotations and keeps "
                                + "key.key_material; Key.to_dict has no CurrentKeyMaterialId (moto 5.2.5)")
                .gap(MOTO, "disabled-key-refuses-encrypt",
                        Symptom.checkFails("Encrypt with the disabled key", "the call succeeded"),
                        "moto encrypts with a disabled key; AWS refuses with DisabledException",
                        "moto/kms/responses.py encrypt() does not check the key state (moto 5.2.5)");
    }

    @Override
    public void provision(LabContext ctx) throws Exception {
        context = Map.of("labs:run-id", ctx.runId(), "purpose", "envelope-demo");
        key = KmsKey.create(ctx, "main");
        alias = KmsAlias.create(ctx, key.id());
        retiringKey = KmsKey.create(ctx, "retiring");
    }

    @Override
    public void verify(LabContext ctx, Checks check) {
        KmsClient kms = ctx.client(KmsClient.class);
        byte[] secret = ("db-password-" + ctx.runId()).getBytes(StandardCharsets.UTF_8);
        SdkBytes[] ciphertext = new SdkBytes[1];

        check.that("direct-round-trip", p -> {
            EncryptResponse enc = kms.encrypt(r -> r.keyId(alias).plaintext(SdkBytes.fromByteArray(secret))
                    .encryptionContext(context));
            p.call("kms:Encrypt", enc).evidence("alias", alias).evidence("ciphertextBytes", enc.ciphertextBlob().asByteArray().length);
            ciphertext[0] = enc.ciphertextBlob();
            p.isTrue("ciphertext differs from plaintext",
                    !Arrays.equals(enc.ciphertextBlob().asByteArray(), secret), "ciphertext of " + enc.ciphertextBlob().asByteArray().length + " bytes");
            DecryptResponse dec = kms.decrypt(r -> r.ciphertextBlob(ciphertext[0]).encryptionContext(context));
            p.call("kms:Decrypt", dec);
            p.equal("decrypted bytes", Arrays.toString(secret), Arrays.toString(dec.plaintext().asByteArray()));
            p.equal("key reported by Decrypt", key.arn(), dec.keyId());
        });

        check.that("direct-limit-4096-bytes", p -> {
            EncryptResponse atLimit = kms.encrypt(r -> r.keyId(key.id()).plaintext(SdkBytes.fromByteArray(new byte[DIRECT_LIMIT_BYTES])));
            p.call("kms:Encrypt(4096 bytes)", atLimit);
            KmsException tooBig = p.throwsA("Encrypt of 4097 bytes", KmsException.class,
                    () -> kms.encrypt(r -> r.keyId(key.id()).plaintext(SdkBytes.fromByteArray(new byte[DIRECT_LIMIT_BYTES + 1]))));
            p.error("kms:Encrypt(4097 bytes)", tooBig);
            p.equal("error code", "ValidationException", tooBig.awsErrorDetails().errorCode());
        });

        check.that("envelope-round-trip", p -> {
            byte[] payload = new byte[PAYLOAD_BYTES];
            RANDOM.nextBytes(payload);
            GenerateDataKeyResponse dataKey = kms.generateDataKey(r -> r.keyId(key.id()).keySpec(DataKeySpec.AES_256)
                    .encryptionContext(context));
            p.call("kms:GenerateDataKey", dataKey);
            byte[] plaintextKey = dataKey.plaintext().asByteArray();
            byte[] encryptedKey = dataKey.ciphertextBlob().asByteArray();
            byte[] sealed = seal(plaintextKey, payload);
            Arrays.fill(plaintextKey, (byte) 0);
            p.evidence("plaintextDataKeyBytes", plaintextKey.length).evidence("encryptedDataKeyBytes", encryptedKey.length)
                    .evidence("payloadBytes", payload.length).evidence("sealedBytes", sealed.length);
            p.isTrue("sealed payload differs from the original", !Arrays.equals(Arrays.copyOfRange(sealed, GCM_IV_BYTES,
                    GCM_IV_BYTES + 64), Arrays.copyOf(payload, 64)), "first 64 bytes compared");
            DecryptResponse unwrapped = kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(encryptedKey))
                    .encryptionContext(context));
            p.call("kms:Decrypt(encrypted data key)", unwrapped);
            byte[] recovered = open(unwrapped.plaintext().asByteArray(), sealed);
            p.equal("recovered payload is byte-identical", true, Arrays.equals(payload, recovered));
        });

        check.that("context-mismatch-rejected", p -> {
            if (ciphertext[0] == null) {
                p.skip(ctx.words("skip.noCiphertext"));
            }
            InvalidCiphertextException refused = p.throwsA("Decrypt with purpose=other", InvalidCiphertextException.class,
                    () -> kms.decrypt(r -> r.ciphertextBlob(ciphertext[0])
                            .encryptionContext(Map.of("labs:run-id", ctx.runId(), "purpose", "other"))));
            p.error("kms:Decrypt(wrong context)", refused);
        });

        check.that("rotation-enabled", p -> {
            p.call("kms:EnableKeyRotation", kms.enableKeyRotation(r -> r.keyId(key.id())));
            var status = kms.getKeyRotationStatus(r -> r.keyId(key.id()));
            p.call("kms:GetKeyRotationStatus", status).evidence("NextRotationDate", status.nextRotationDate());
            p.equal("KeyRotationEnabled", true, status.keyRotationEnabled());
            p.equal("RotationPeriodInDays", DEFAULT_ROTATION_DAYS, status.rotationPeriodInDays());
        });

        check.that("on-demand-rotation-keeps-old-ciphertext", p -> {
            byte[] before = ("before-rotation-" + ctx.runId()).getBytes(StandardCharsets.UTF_8);
            EncryptResponse old = kms.encrypt(r -> r.keyId(key.id()).plaintext(SdkBytes.fromByteArray(before)));
            p.call("kms:Encrypt(before rotation)", old);
            String materialBefore = kms.describeKey(r -> r.keyId(key.id())).keyMetadata().currentKeyMaterialId();
            p.evidence("CurrentKeyMaterialId before", materialBefore);
            p.isTrue("the key reports its CurrentKeyMaterialId", materialBefore != null, materialBefore);
            p.call("kms:RotateKeyOnDemand", kms.rotateKeyOnDemand(r -> r.keyId(key.id())));
            // RotateKeyOnDemand only starts the rotation: the new material becomes current when it completes.
            KeyMetadata rotated = ctx.waits().afterChange(ctx.words("wait.rotated"), ROTATION_LIMIT,
                    ROTATION_POLL, () -> kms.describeKey(r -> r.keyId(key.id())).keyMetadata(),
                    m -> !materialBefore.equals(m.currentKeyMaterialId()), KeyMetadata::currentKeyMaterialId);
            p.evidence("CurrentKeyMaterialId after", rotated.currentKeyMaterialId());
            p.isTrue("CurrentKeyMaterialId changed by the rotation", !materialBefore.equals(rotated.currentKeyMaterialId()),
                    rotated.currentKeyMaterialId());
            DecryptResponse dec = kms.decrypt(r -> r.ciphertextBlob(old.ciphertextBlob()));
            p.call("kms:Decrypt(ciphertext from before the rotation)", dec);
            p.equal("bytes decrypted after the rotation", Arrays.toString(before), Arrays.toString(dec.plaintext().asByteArray()));
            p.equal("key reported by Decrypt", key.arn(), dec.keyId());
        });

        check.that("disabled-key-refuses-encrypt", p -> {
            p.call("kms:DisableKey", kms.disableKey(r -> r.keyId(retiringKey.id())));
            KeyState state = kms.describeKey(r -> r.keyId(retiringKey.id())).keyMetadata().keyState();
            p.equal("key state after DisableKey", KeyState.DISABLED, state);
            DisabledKeyProbe.Answer answer = DisabledKeyProbe.encrypt(ctx.waits(),
                    () -> kms.encrypt(r -> r.keyId(retiringKey.id()).plaintext(SdkBytes.fromByteArray(secret))));
            p.evidence("kms:Encrypt(disabled key).attempts", answer.attempts());
            DisabledException refused = p.throwsA("Encrypt with the disabled key", DisabledException.class, answer::replay);
            p.error("kms:Encrypt(disabled key)", refused);
        });

        check.that("deletion-is-scheduled", p -> {
            Instant before = Instant.now();
            var scheduled = kms.scheduleKeyDeletion(r -> r.keyId(retiringKey.id()).pendingWindowInDays(KmsKey.MIN_PENDING_WINDOW_DAYS));
            p.call("kms:ScheduleKeyDeletion", scheduled);
            KeyMetadata meta = kms.describeKey(r -> r.keyId(retiringKey.id())).keyMetadata();
            p.evidence("deletionDate", meta.deletionDate());
            p.equal("key state", KeyState.PENDING_DELETION, meta.keyState());
            Duration untilDeletion = Duration.between(before, meta.deletionDate());
            p.isTrue("deletion date about 7 days away (6.9 to 7.1 days)",
                    untilDeletion.compareTo(Duration.ofHours(7 * 24 - 3)) >= 0
                            && untilDeletion.compareTo(Duration.ofHours(7 * 24 + 3)) <= 0,
                    untilDeletion.toHours() + " hours");
        });
    }

    private static byte[] seal(byte[] key, byte[] payload) throws Exception {
        byte[] iv = new byte[GCM_IV_BYTES];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(GCM_TAG_BITS, iv));
        byte[] body = cipher.doFinal(payload);
        return ByteBuffer.allocate(iv.length + body.length).put(iv).put(body).array();
    }

    private static byte[] open(byte[] key, byte[] sealed) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(GCM_TAG_BITS, sealed, 0, GCM_IV_BYTES));
        return cipher.doFinal(sealed, GCM_IV_BYTES, sealed.length - GCM_IV_BYTES);
    }
}
