package org.rapport.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.platform.RapportProperties;

class SecretBoxTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesItsKeyOnceIntoAPrivateFileAndOpensOnlyWhatItSealedForThatPurpose() throws Exception {
        SecretBox box = new SecretBox("", properties());
        String sealed = box.encrypt("hunter2", "smtp");
        assertThat(sealed).startsWith("v1:").doesNotContain("hunter2").isNotEqualTo(box.encrypt("hunter2", "smtp"));
        Path keyFile = dataDir.resolve(SecretBox.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(new SecretBox("", properties()).decrypt(sealed, "smtp")).isEqualTo("hunter2");
        assertThatThrownBy(() -> box.decrypt(sealed, "imap")).isInstanceOf(SecretBox.Unreadable.class);
        assertThatThrownBy(() -> new SecretBox("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", properties())
                .decrypt(sealed, "smtp")).isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("enter the password again");
    }

    @Test
    void aConfiguredKeyMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> new SecretBox("my passphrase", properties()))
                .hasMessageContaining("32 random bytes in base64");
        SecretBox configured = new SecretBox("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", properties());
        assertThat(configured.decrypt(configured.encrypt("x", "imap"), "imap")).isEqualTo("x");
        assertThat(dataDir.resolve(SecretBox.KEY_FILE)).doesNotExist();
    }

    private RapportProperties properties() {
        return new RapportProperties(dataDir, null, null, null);
    }
}
