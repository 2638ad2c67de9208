package org.kefu.tickets;

/**
 * What a department has on its desk now, for the supervisors (issue 17): the tickets it leads
 * that are dispatched but not taken, in progress, and waiting for the customer; of those whose
 * clock runs, how many are overdue and how many have little time left (yellow).
 */
public record DepartmentLoad(String code, String nameZh, String nameEn, long dispatched, long inProgress, long waiting,
                             long overdue, long yellow) {

    public long total() {
        return dispatched + inProgress + waiting;
    }
}
