package org.kefu.web.crm;

/** A file that cannot be read as a table at all; the code is a message key under crm.problem. */
public class MalformedFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String[] args;

    public MalformedFileException(String code, String... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    public String getCode() {
        return code;
    }

    public String[] getArgs() {
        return args;
    }
}
