package org.kefu.tickets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where attached files' bytes are kept: {@code <data dir>/kefu/attachments/ab/abcdef…} named by
 * their SHA-256 (property {@code kefu.tickets.attachments} moves the folder; a cluster's nodes must
 * share it). Written to a temporary file and moved into place, so a reader never sees half a file;
 * checked against its name when read, so a file changed or damaged on disk is never handed out.
 */
final class AttachmentStore {

    private final Path root;

    AttachmentStore(Path root) {
        this.root = root;
    }

    static AttachmentStore fromSystemProperties() {
        String configured = System.getProperty("kefu.tickets.attachments");
        return new AttachmentStore(configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("jboss.server.data.dir", "."), "kefu", "attachments"));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Keeps {@code content}; returns its SHA-256 (hex), under which it is found again. */
    String put(byte[] content) {
        String sha = sha256(content);
        Path file = pathOf(sha);
        try {
            if (Files.exists(file)) {
                return sha; // the same bytes are there already
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), sha, ".part");
            try {
                Files.write(tmp, content);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store an attachment in " + root, e);
        }
    }

    /** The bytes stored under {@code sha}; an error when they are missing or no longer match it. */
    byte[] get(String sha) {
        Path file = pathOf(sha);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + sha + " is missing from " + root, e);
        }
        if (!sha256(content).equals(sha)) {
            throw new IllegalStateException("attachment " + sha + " in " + root + " was changed or damaged on disk");
        }
        return content;
    }

    private Path pathOf(String sha) {
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha);
        }
        return root.resolve(sha.substring(0, 2)).resolve(sha);
    }
}
