package org.kefu.web.workplace;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import org.kefu.acd.AcdException;
import org.kefu.acd.SoftPhoneException;
import org.kefu.assisted.AssistedBankingException;
import org.kefu.crm.ContactRecordException;
import org.kefu.tickets.TicketException;

/** Which message tells the agent why the business refused a workplace action. */
final class Refusals {

    /** Not a refusal the agent can act on: a failure, logged with its stack trace. */
    static final String GENERAL = "workplace.error.general";

    private Refusals() {
    }

    /** The refusal itself: an EJB wraps what a bean threw when it was no application exception. */
    static Throwable cause(RuntimeException e) {
        return e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
    }

    static String messageKey(Throwable cause) {
        if (cause instanceof AcdException a) {
            return "workplace.acd." + a.getKind().name();
        } else if (cause instanceof SoftPhoneException s) {
            return "workplace.phone." + s.getCode();
        } else if (cause instanceof ContactRecordException c) {
            return "workplace.record." + c.getCode();
        } else if (cause instanceof AssistedBankingException b) {
            return "workplace.bank." + b.getCode();
        } else if (cause instanceof TicketException t) {
            return "workplace.ticket." + t.getCode();
        } else if (cause instanceof EJBAccessException) {
            return "workplace.error.forbidden";
        }
        return GENERAL;
    }
}
