package org.kefu.tickets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file a ticket takes, told by their first bytes (what the client claims is not
 * believed): PDF, PNG, JPEG, Word and Excel (OOXML: a ZIP with the right extension) and plain
 * UTF-8 text. Anything else, an executable or an HTML page among them, is refused.
 */
public enum AttachmentType {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    TEXT("text/plain; charset=UTF-8");

    private final String mediaType;

    AttachmentType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** What {@code content}, named {@code fileName}, is; empty when it is none of the kinds taken. */
    public static Optional<AttachmentType> of(String fileName, byte[] content) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (starts(content, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (starts(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(content, 'P', 'K', 0x03, 0x04)) {
            return name.endsWith(".docx") ? Optional.of(DOCX) : name.endsWith(".xlsx") ? Optional.of(XLSX) : Optional.empty();
        }
        if (name.endsWith(".txt") && text(content)) {
            return Optional.of(TEXT);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Valid UTF-8 without control characters other than tab, line feed and carriage return. */
    private static boolean text(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F);
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
