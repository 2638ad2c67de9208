package org.kefu.web.surveys;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.kefu.surveys.AgentSatisfaction;
import org.kefu.surveys.SatisfactionSurveys;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The supervisor's satisfaction table: today's surveys per agent (offered, scored, average, spread). */
@Named
@ViewScoped
public class SurveyBoard implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final ZoneId CENTER_ZONE = ZoneId.of("Asia/Shanghai");

    @EJB
    private SatisfactionSurveys surveys;

    private List<AgentSatisfaction> today = List.of();

    @PostConstruct
    void load() {
        LocalDate day = LocalDate.now(CENTER_ZONE);
        today = surveys.byAgent(day, day);
    }

    public void refresh() {
        load();
    }

    public List<AgentSatisfaction> getToday() {
        return today;
    }
}
