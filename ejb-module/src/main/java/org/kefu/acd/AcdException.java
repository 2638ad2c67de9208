package org.kefu.acd;

import jakarta.ejb.ApplicationException;
import org.kefu.acd.routing.IllegalAgentStateException;

import java.util.function.Supplier;

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

    /** Runs a router operation and turns its refusals into {@link AcdException}s. */
    static <T> T fromRouter(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalAgentStateException e) {
            throw new AcdException(Kind.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AcdException(e.getMessage() != null && e.getMessage().startsWith("Unknown agent")
                    ? Kind.CONFLICT : Kind.BAD_REQUEST, e.getMessage());
        } catch (IllegalStateException e) {
            throw new AcdException(Kind.CONFLICT, e.getMessage());
        }
    }

    /** The same for an operation that answers nothing. */
    static void fromRouterAction(Runnable call) {
        fromRouter(() -> {
            call.run();
            return null;
        });
    }

    public Kind getKind() {
        return kind;
    }
}
