package org.rapport.interactions;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The file types an interaction may keep, by extension, each checked against the file's first bytes: documents,
 * spreadsheets, images, text, mail and calendar files. Anything a browser could run (HTML, SVG, scripts) is refused.
 */
final class FileTypes {

    private record Kind(String contentType, byte[] magic, boolean text) {
    }

    private static final byte[] PDF = "%PDF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF = "GIF8".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);

    private static final Map<String, Kind> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", new Kind("application/pdf", PDF, false)),
            Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP, false)),
            Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP, false)),
            Map.entry("pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP, false)),
            Map.entry("odt", new Kind("application/vnd.oasis.opendocument.text", ZIP, false)),
            Map.entry("ods", new Kind("application/vnd.oasis.opendocument.spreadsheet", ZIP, false)),
            Map.entry("zip", new Kind("application/zip", ZIP, false)),
            Map.entry("doc", new Kind("application/msword", OLE, false)),
            Map.entry("xls", new Kind("application/vnd.ms-excel", OLE, false)),
            Map.entry("msg", new Kind("application/vnd.ms-outlook", OLE, false)),
            Map.entry("png", new Kind("image/png", PNG, false)),
            Map.entry("jpg", new Kind("image/jpeg", JPEG, false)),
            Map.entry("jpeg", new Kind("image/jpeg", JPEG, false)),
            Map.entry("gif", new Kind("image/gif", GIF, false)),
            Map.entry("webp", new Kind("image/webp", RIFF, false)),
            Map.entry("wav", new Kind("audio/wav", RIFF, false)),
            Map.entry("txt", new Kind("text/plain", null, true)),
            Map.entry("csv", new Kind("text/csv", null, true)),
            Map.entry("eml", new Kind("message/rfc822", null, true)),
            Map.entry("ics", new Kind("text/calendar", null, true)),
            Map.entry("vcf", new Kind("text/vcard", null, true)));

    private FileTypes() {
    }

    /**
     * The content type to store and serve the file as.
     *
     * @param head the file's first bytes (up to 8 KB)
     * @throws IllegalArgumentException with a message for the user when the type is not allowed or not what it says
     */
    static String check(String fileName, byte[] head) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        Kind kind = BY_EXTENSION.get(extension);
        if (kind == null) {
            throw new IllegalArgumentException("Files of type '." + extension + "' cannot be attached; use PDF, "
                    + "Office documents, images, text, CSV, email or calendar files");
        }
        boolean matches = kind.text() ? !containsZero(head)
                : head.length >= kind.magic().length
                        && Arrays.equals(Arrays.copyOf(head, kind.magic().length), kind.magic());
        if (!matches) {
            throw new IllegalArgumentException("'" + fileName + "' is not a valid ." + extension + " file");
        }
        return kind.contentType();
    }

    private static boolean containsZero(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
