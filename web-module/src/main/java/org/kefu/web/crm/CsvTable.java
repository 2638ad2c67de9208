package org.kefu.web.crm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 has it (commas, double quotes, quoted line breaks). Written as UTF-8 with a
 * byte order mark, which is what makes Excel open Chinese text correctly. Read as UTF-8 (BOM or
 * not), or as GB18030 when the bytes are not UTF-8: that is what Excel on a Chinese Windows
 * writes for "CSV (逗号分隔)".
 */
public final class CsvTable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvTable() {
    }

    public static List<List<String>> read(byte[] bytes) throws MalformedFileException {
        String text = decode(bytes);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                cellStarted = false;
            } else {
                cell.append(ch);
                cellStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw new MalformedFileException("file.unclosedQuote", String.valueOf(rows.size() + 1));
        }
        if (cellStarted || cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    public static byte[] write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                out.append(quote(defuse(row.get(c))));
            }
            out.append("\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(BOM);
        bytes.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /**
     * A text starting with = + - or @ would run as a formula when a spreadsheet opens the file
     * (CSV injection), and so would one starting with a TAB or a carriage return (spreadsheets
     * drop the leading white space, then read the formula after it); a leading apostrophe makes
     * it plain text. Phone numbers like +8613800138000 are left as they are: digits are no formula.
     */
    static String defuse(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        boolean risky = FORMULA_START.indexOf(first) >= 0
                || ((first == '+' || first == '-') && !value.substring(1).matches("[0-9]*"));
        return risky ? "'" + value : value;
    }

    /** Characters that start a formula whatever follows (+ and - only when not a plain number). */
    static final String FORMULA_START = "=@\t\r";

    /** Whether {@code value} is a cell {@link #defuse} protected: the apostrophe to take off on import. */
    static boolean defused(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && (FORMULA_START + "+-").indexOf(value.charAt(1)) >= 0;
    }

    private static String quote(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2] ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
