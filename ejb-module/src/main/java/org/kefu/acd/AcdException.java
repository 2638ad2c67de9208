package org.kefu.acd;

import jakarta.ejb.ApplicationException;

/**
 * An ACD request that cannot be carried out, with what kind of refusal it is, so that the REST
 * layer can answer 400, 404 or 409. Rolls the transaction back: nothing is changed.
 */
@ApplicationException(rollback = true)
public class AcdException extends RuntimeException {

    public enum Kind {
        /** Malformed or invalid input (unknown reason code, extension that is no desk phone). */
        BAD_REQUEST,
        /** Unknown agent or queue. */
        NOT_FOUND,
        /** The agent's state does not allow it, or the desk is taken. */
        CONFLICT
    }

    private final Kind kind;

    public AcdException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind getKind() {
        return kind;
    }
}
