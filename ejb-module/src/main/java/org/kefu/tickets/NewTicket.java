package org.kefu.tickets;

import java.io.Serializable;

/** What opening a ticket needs. Channel is IVR, AGENT, BACKOFFICE or WEB. */
public record NewTicket(Long customerId, String callerPhone, String category, String subject,
                        String description, String channel, String callRef, String createdBy)
        implements Serializable {
}
