package org.kefu.tickets;

import java.io.Serializable;

/**
 * What opening a ticket needs. Channel is IVR, AGENT, BACKOFFICE or WEB; type a ticket type's code
 * (its deadlines; null: none).
 */
public record NewTicket(Long customerId, String callerPhone, String type, String category, String subject,
                        String description, String channel, String callRef, String createdBy)
        implements Serializable {
}
