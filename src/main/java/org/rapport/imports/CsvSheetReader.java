package org.rapport.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.rapport.shared.InvalidFieldException;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * Reads CSV as spreadsheet programs write it: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252
 * when the bytes are not UTF-8; fields separated by comma, semicolon or tab, whichever the header line uses most.
 */
final class CsvSheetReader implements SheetReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final List<String> header;

    CsvSheetReader(byte[] content) {
        int bom = 0;
        Charset charset;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            bom = 3;
            charset = StandardCharsets.UTF_8;
        } else if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
            bom = 2;
            charset = StandardCharsets.UTF_16LE;
        } else if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
            bom = 2;
            charset = StandardCharsets.UTF_16BE;
        } else {
            charset = isUtf8(content) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        char separator = separator(new String(content, bom, Math.min(content.length - bom, 65_536), charset));
        Reader reader = new InputStreamReader(new ByteArrayInputStream(content, bom, content.length - bom), charset);
        csv = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(reader);
        records = csv.iterator();
        CsvRecord first = read();
        if (first == null) {
            throw new InvalidFieldException("file", "The file is empty");
        }
        header = first.getFields();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public SheetRow next() {
        CsvRecord record;
        while ((record = read()) != null) {
            SheetRow row = new SheetRow((int) record.getStartingLineNumber(), record.getFields());
            if (!row.blank()) {
                return row;
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CsvRecord read() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            throw new InvalidFieldException("file", "The file is not valid CSV: " + e.getMessage());
        }
    }

    private static boolean isUtf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out.clear()).isError();
            }
            out.clear();
        }
    }

    /** The separator the first line uses most outside quotes: comma, semicolon or tab. */
    static char separator(String start) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < start.length(); i++) {
            char c = start.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }
}
