package org.kefu.tickets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a ticket takes is told by the file's bytes; the store finds it again by its SHA-256 and catches a changed file. */
class AttachmentTypeTest {

    @Test
    void theKindIsToldByTheBytesNotByTheName() {
        assertThat(AttachmentType.of("a.bin", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentType.PDF);
        assertThat(AttachmentType.of("photo", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(AttachmentType.JPEG);
        assertThat(AttachmentType.of("答复.DOCX", new byte[]{'P', 'K', 3, 4, 0})).contains(AttachmentType.DOCX);
        assertThat(AttachmentType.of("archive.zip", new byte[]{'P', 'K', 3, 4, 0})).as("a ZIP that is no Office file").isEmpty();
        assertThat(AttachmentType.of("invoice.pdf", new byte[]{'M', 'Z', (byte) 0x90, 0})).as("a program named .pdf").isEmpty();
        assertThat(AttachmentType.of("记录.txt", "已上门检修。\r\n\t完毕".getBytes(StandardCharsets.UTF_8))).contains(AttachmentType.TEXT);
        assertThat(AttachmentType.of("x.txt", new byte[]{'a', 0, 'b'})).as("a NUL is no text").isEmpty();
        assertThat(AttachmentType.of("x.txt", new byte[]{(byte) 0xC3, (byte) 0x28})).as("not UTF-8").isEmpty();
        assertThat(AttachmentType.of("page.html", "<html></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aNameLosesTheFolderABrowserSentAndMustBeOneLine() {
        assertThat(TicketAttachments.fileName("C:\\Users\\王\\电表.png")).isEqualTo("电表.png");
        assertThat(TicketAttachments.fileName("../../etc/passwd")).isEqualTo("passwd");
        assertThatThrownBy(() -> TicketAttachments.fileName("a\nb.txt")).isInstanceOf(TicketException.class);
        assertThatThrownBy(() -> TicketAttachments.fileName("dir/")).isInstanceOf(TicketException.class);
        assertThatThrownBy(() -> TicketAttachments.fileName(null)).isInstanceOf(TicketException.class);
        assertThatThrownBy(() -> TicketAttachments.fileName("x".repeat(201))).isInstanceOf(TicketException.class);
    }

    @Test
    void theStoreKeepsBytesByTheirSha256OnceAndCatchesAChangedFile(@TempDir Path dir) throws Exception {
        AttachmentStore store = new AttachmentStore(dir);
        byte[] bytes = "维修记录".getBytes(StandardCharsets.UTF_8);
        String sha = store.put(bytes);
        assertThat(sha).isEqualTo(AttachmentStore.sha256(bytes)).hasSize(64);
        assertThat(store.put(bytes)).isEqualTo(sha);
        assertThat(store.get(sha)).isEqualTo(bytes);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).as("stored once, no temporary file left").isEqualTo(1);
        }
        Files.write(dir.resolve(sha.substring(0, 2)).resolve(sha), "changed".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> store.get(sha)).hasMessageContaining("changed or damaged");
        assertThatThrownBy(() -> store.get("../../x")).isInstanceOf(IllegalArgumentException.class);
    }
}
