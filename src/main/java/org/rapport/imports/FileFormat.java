package org.rapport.imports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.rapport.shared.InvalidFieldException;

/** The kinds of file an import reads and an export writes. */
enum FileFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    FileFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    static FileFormat parse(String value) {
        for (FileFormat format : values()) {
            if (format.extension.equalsIgnoreCase(value == null ? "" : value.strip())) {
                return format;
            }
        }
        throw new InvalidFieldException("format", "Use csv or xlsx");
    }

    /** Tells CSV from XLSX by the file's first bytes and its name, rejecting anything else. */
    static FileFormat detect(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new InvalidFieldException("file", "The file is empty");
        }
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        boolean zip = startsWith(content, new byte[] {'P', 'K', 3, 4});
        boolean ole2 = startsWith(content, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        if (extension.equals("xls") || ole2) {
            throw new InvalidFieldException("file", "Excel 97-2003 files (.xls) cannot be read: save the sheet as .xlsx or .csv");
        }
        if (zip && (extension.isEmpty() || extension.equals("xlsx") || extension.equals("xlsm"))) {
            return XLSX;
        }
        if (!zip && (extension.isEmpty() || extension.equals("csv") || extension.equals("txt") || extension.equals("tsv"))
                && !binary(content)) {
            return CSV;
        }
        if (extension.equals("xlsx") || extension.equals("xlsm")) {
            throw new InvalidFieldException("file", "This file is not an Excel workbook (.xlsx)");
        }
        if (extension.equals("csv") || extension.equals("txt") || extension.equals("tsv")) {
            throw new InvalidFieldException("file", "This file is not a CSV text file");
        }
        throw new InvalidFieldException("file", "Upload a .csv or .xlsx file");
    }

    private static boolean binary(byte[] content) {
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(content, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            return false;
        }
        if (startsWith(content, "%PDF".getBytes(StandardCharsets.US_ASCII))) {
            return true;
        }
        for (int i = 0; i < Math.min(content.length, 8192); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
