package org.kefu.crm;

import java.io.Serializable;
import java.time.Instant;

/** An agent's wrap-up of a call (table contact_record): the code chosen and the notes written. */
public record ContactRecord(long id, String callRef, Long customerId, String phone, String agent, String wrapUpCode,
                            String notes, Instant recordedAt) implements Serializable {
}
