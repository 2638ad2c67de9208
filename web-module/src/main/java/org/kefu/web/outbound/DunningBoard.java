package org.kefu.web.outbound;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.kefu.outbound.dunning.DunningDay;
import org.kefu.outbound.dunning.DunningFigures;
import org.kefu.outbound.dunning.DunningRun;
import org.kefu.outbound.dunning.DunningRuns;
import org.kefu.web.PageMessages;
import org.kefu.web.console.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The supervisor's dunning (欠费催缴, issue 16): start a run now (confirmed, audited) and today's
 * reminders per channel with what became of them and what they brought in.
 */
@Named
@ViewScoped
public class DunningBoard implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private DunningRuns runs;
    @EJB
    private DunningFigures figures;
    @Inject
    private CurrentUser currentUser;

    private List<DunningDay> today = List.of();

    @PostConstruct
    void load() {
        LocalDate day = LocalDate.now(CallbackBoard.CENTER_ZONE);
        today = figures.days(day, day);
    }

    /** Reminds every customer with an overdue bill who is due a reminder. */
    public void run() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        DunningRun run = runs.run(currentUser.getLogin(), request.getRemoteAddr());
        PageMessages.info("supervisor.dunning.ran", run.overdue(), run.queued(), run.recentlyReminded(), run.limitReached(), run.noContact(),
                run.promised());
        load();
    }

    public void refresh() {
        load();
    }

    public List<DunningDay> getToday() {
        return today;
    }
}
