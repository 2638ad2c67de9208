package org.kefu.backoffice;

/** A back-office message Kefu cannot understand; retrying would not help. */
public class MalformedCommand extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedCommand(String reason) {
        super(reason);
    }
}
