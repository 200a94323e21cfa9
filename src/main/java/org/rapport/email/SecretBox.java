package org.rapport.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.rapport.platform.RapportProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the mail passwords Rapport keeps (SMTP, IMAP) with AES-256-GCM. The key comes from
 * {@code rapport.secret-key} (32 random bytes, base64); without it, one is generated once into
 * {@code <data-dir>/secret.key} (mode 600). A stored secret is {@code v1:} + base64(nonce | ciphertext | tag), bound
 * to its purpose (e.g. {@code smtp}) so that one cannot be copied into another's place.
 */
@Component
class SecretBox {

    static final String KEY_FILE = "secret.key";
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;

    private final SecureRandom random = new SecureRandom();
    private final String configuredKey;
    private final Path keyFile;
    private volatile SecretKey key;

    SecretBox(@Value("${rapport.secret-key:}") String configuredKey, RapportProperties properties) {
        this.configuredKey = configuredKey == null ? "" : configuredKey.strip();
        this.keyFile = properties.dataDir().resolve(KEY_FILE);
        if (!this.configuredKey.isEmpty()) {
            this.key = decodeKey(this.configuredKey, "rapport.secret-key (RAPPORT_SECRET_KEY)");
        }
    }

    String encrypt(String plain, String purpose) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt", e);
        }
    }

    /** A stored secret that this key cannot open. */
    static final class Unreadable extends IllegalStateException {

        Unreadable(Throwable cause) {
            super("The stored password cannot be decrypted with this secret key (was RAPPORT_SECRET_KEY or "
                    + "secret.key changed?): enter the password again", cause);
        }
    }

    /** @throws Unreadable when the secret was sealed with another key or for another purpose */
    String decrypt(String stored, String purpose) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new Unreadable(null);
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Unreadable(e);
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadOrCreateKeyFile();
                }
                k = key;
            }
        }
        return k;
    }

    private SecretKey loadOrCreateKeyFile() {
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Path temp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "secret-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.writeString(temp, Base64.getEncoder().encodeToString(fresh) + "\n");
                    Files.createLink(keyFile, temp);
                } catch (FileAlreadyExistsException e) {
                    // another process made it first: use theirs
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return decodeKey(Files.readString(keyFile).strip(), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + keyFile, e);
        }
    }

    private static SecretKey decodeKey(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + " must be 32 random bytes in base64, e.g. from "
                    + "'openssl rand -base64 32'");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
