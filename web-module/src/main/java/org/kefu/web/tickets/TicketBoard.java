package org.kefu.web.tickets;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.tickets.DepartmentLoad;
import org.kefu.tickets.Departments;
import org.kefu.web.console.LocaleSelector;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The supervisor's view of the departments' ticket load (issue 17): what each has now, overdue
 * and yellow among it, the most overdue first; exported as CSV by the page.
 */
@Named
@ViewScoped
public class TicketBoard implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Departments departments;
    @Inject
    private LocaleSelector locale;

    private List<Row> load = List.of();

    /** One department's line (getters: EL does not read records). */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final DepartmentLoad load;
        private final boolean english;

        Row(DepartmentLoad load, boolean english) {
            this.load = load;
            this.english = english;
        }

        public String getCode() { return load.code(); }
        public String getName() { return english ? load.nameEn() : load.nameZh(); }
        public long getDispatched() { return load.dispatched(); }
        public long getInProgress() { return load.inProgress(); }
        public long getWaiting() { return load.waiting(); }
        public long getTotal() { return load.total(); }
        public long getOverdue() { return load.overdue(); }
        public long getYellow() { return load.yellow(); }
    }

    @PostConstruct
    public void refresh() {
        boolean english = locale.isEnglish();
        load = departments.load(Instant.now()).stream().map(l -> new Row(l, english)).toList();
    }

    public List<Row> getLoad() {
        return load;
    }
}
