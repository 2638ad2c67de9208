package org.kefu.ivr;

/**
 * A flow text that cannot be read: not JSON, or a field missing or of the wrong kind. The message
 * names the place as a JSON pointer ({@code /nodes/3/next}) and, where known, the node's id.
 */
public class FlowFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String pointer;

    public FlowFormatException(String pointer, String message) {
        super((pointer == null || pointer.isEmpty() ? "" : pointer + ": ") + message);
        this.pointer = pointer;
    }

    /** Where in the document, as a JSON pointer ("" for the whole document). */
    public String pointer() {
        return pointer;
    }
}
