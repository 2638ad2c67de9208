package org.kefu.telephony.media;

/** A prompt name that exists neither in the override directory nor on the classpath, or cannot be read. */
public class PromptNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String promptName;

    public PromptNotFoundException(String promptName, String message, Throwable cause) {
        super(message, cause);
        this.promptName = promptName;
    }

    public String promptName() {
        return promptName;
    }
}
