package org.kefu.web.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kefu.acd.CallbackRequest;
import org.kefu.outbound.CallbackDay;
import org.kefu.outbound.CallbackDialer;
import org.kefu.outbound.CallbackFigures;
import org.kefu.outbound.CallbackPreview;
import org.kefu.web.PageMessages;
import org.kefu.web.console.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The supervisor's callbacks (issue 16): the requests waiting to be called back, each of which the
 * supervisor may withdraw (audited), and today's figures per queue. The page sits under
 * /supervisor/*, which only supervisors reach.
 */
@Named
@ViewScoped
public class CallbackBoard implements Serializable {

    private static final long serialVersionUID = 1L;
    static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(CENTER_ZONE);
    private static final int SHOWN_ROWS = 50;

    @EJB
    private CallbackDialer callbacks;
    @EJB
    private CallbackFigures figures;
    @Inject
    private CurrentUser currentUser;

    private List<CallbackRequest> waiting = List.of();
    private List<CallbackDay> today = List.of();

    @PostConstruct
    void load() {
        waiting = callbacks.requests("QUEUED", SHOWN_ROWS);
        LocalDate day = LocalDate.now(CENTER_ZONE);
        today = figures.days(day, day);
    }

    /** Withdraws request {@code id}: it leaves its queue and is never dialled again. */
    public void withdraw(long id) {
        if (callbacks.cancel(id, currentUser.getLogin())) {
            PageMessages.info("supervisor.callbacks.withdrawn");
        } else {
            PageMessages.error("supervisor.callbacks.finished");
        }
        load();
    }

    public void refresh() {
        load();
    }

    public List<CallbackRequest> getWaiting() {
        return waiting;
    }

    public List<CallbackDay> getToday() {
        return today;
    }

    public String shown(java.time.Instant at) {
        return at == null ? "" : SHOWN.format(at);
    }

    /** Where the request came from: QUEUE, WEB, BACK_OFFICE or OTHER. */
    public String source(CallbackRequest r) {
        return CallbackPreview.sourceOf(r.getRequestKey());
    }
}
