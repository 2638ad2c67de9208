package org.kefu.ivr.calls;

import java.time.LocalDate;

/**
 * The routing rules' office hours and holidays, as the IVR reads them ({@code acd.hours}, flows'
 * {@code {"holiday": true}} conditions), from memory. The IVR owns this port and the inbound routing
 * ({@code org.kefu.callflow.routing.InboundRouting}) implements it, so that the IVR does not depend
 * on the call flow above it.
 */
public interface OfficeCalendar {

    /** Whether a service number (NUMBER) or a queue (QUEUE) is within its office hours now. */
    boolean isOpen(String scopeKind, String scopeCode);

    boolean isHoliday(LocalDate date);
}
