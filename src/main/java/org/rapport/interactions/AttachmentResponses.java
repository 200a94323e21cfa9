package org.rapport.interactions;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Serves a stored attachment as a download, never rendered inline by the browser. */
final class AttachmentResponses {

    private AttachmentResponses() {
    }

    static ResponseEntity<Resource> of(InteractionAttachments.Download download) {
        InteractionView.Attachment a = download.attachment();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(a.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(download.path()));
    }
}
