package org.rapport.interactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.rapport.identity.CurrentUser;
import org.rapport.platform.RapportProperties;
import org.rapport.shared.ForbiddenException;
import org.rapport.shared.InvalidFieldException;
import org.rapport.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files kept with interactions (email attachments, uploaded documents), stored under the data directory in
 * {@code attachments/}, size-limited and checked to be what their name says; readable by whoever sees the interaction.
 */
@Service
public class InteractionAttachments {

    /** A stored file, opened for download. */
    public record Download(InteractionView.Attachment attachment, Path path) {
    }

    private final JdbcClient jdbc;
    private final InteractionService interactions;
    private final Path root;
    private final long maxBytes;

    InteractionAttachments(JdbcClient jdbc, InteractionService interactions, RapportProperties properties,
                           @Value("${rapport.attachments.max-bytes:10485760}") long maxBytes) {
        this.jdbc = jdbc;
        this.interactions = interactions;
        this.root = properties.dataDir().resolve("attachments");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Attaches a file a user uploads to an interaction the user may see and change. */
    @Transactional
    public InteractionView.Attachment upload(CurrentUser user, UUID interactionId, String fileName, InputStream content) {
        interactions.get(user, interactionId);
        if (!user.canWrite()) {
            throw new ForbiddenException("Your role cannot attach files");
        }
        return store(interactionId, fileName, content, user.id());
    }

    /**
     * Keeps a file that arrived with an interaction (an email's attachment), without a user.
     *
     * @throws InvalidFieldException (field {@code file}) when the type is not allowed, the content does not match it
     *                               or the file is larger than the limit
     */
    @Transactional
    public InteractionView.Attachment store(UUID interactionId, String fileName, InputStream content, UUID createdBy) {
        String name = cleanName(fileName);
        UUID id = UUID.randomUUID();
        Path target = root.resolve(id.toString().substring(0, 2)).resolve(id.toString());
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "upload-", ".part");
            try {
                byte[] head = content.readNBytes(8192);
                String contentType;
                try {
                    contentType = FileTypes.check(name, head);
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldException("file", e.getMessage());
                }
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                long size;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                    out.write(head);
                    size = head.length + copyLimited(content, out, maxBytes - head.length);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                jdbc.sql("""
                                insert into interaction_attachments (id, interaction_id, file_name, content_type,
                                    size_bytes, sha256, storage_path, created_by)
                                values (:id, :interaction, :name, :type, :size, :sha, :path, :by)
                                """)
                        .param("id", id).param("interaction", interactionId).param("name", name)
                        .param("type", contentType).param("size", size)
                        .param("sha", HexFormat.of().formatHex(sha.digest()))
                        .param("path", root.relativize(target).toString()).param("by", createdBy).update();
                return new InteractionView.Attachment(id, name, contentType, size);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file of an interaction the user may see. */
    public Download open(CurrentUser user, UUID interactionId, UUID attachmentId) {
        InteractionView interaction = interactions.get(user, interactionId);
        InteractionView.Attachment attachment = interaction.attachments().stream()
                .filter(a -> a.id().equals(attachmentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Attachment"));
        String path = jdbc.sql("select storage_path from interaction_attachments where id = :id")
                .param("id", attachmentId).query(String.class).single();
        return new Download(attachment, root.resolve(path));
    }

    private long copyLimited(InputStream in, OutputStream out, long remaining) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            copied += n;
            if (copied > remaining) {
                throw new InvalidFieldException("file", "The file is larger than the limit of "
                        + maxBytes / (1024 * 1024) + " MB for attachments");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }

    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.length() > 255) {
            throw new InvalidFieldException("file", "Give the file a name of at most 255 characters");
        }
        return name;
    }
}
