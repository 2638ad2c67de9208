package org.kefu.ivr.operations;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import org.kefu.ivr.ServiceRegistry.ServiceOutcome;
import org.kefu.outbound.dunning.ReminderAnswers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code dunning.*} for the voice reminder's flow: {@code dunning.reminder} (input notice; outputs
 * customer, billNumber, billAmount, dueDate, customerLanguage), {@code dunning.outcome} (notice,
 * outcome PAID or AGENT) and {@code dunning.promise} (notice, date as keyed, YYYYMMDD; output
 * promisedOn). Each works only in the call the reminder was placed on: NO_REMINDER otherwise.
 */
@Stateless
@LocalBean
@PermitAll // local only
public class DunningOperations {

    static final String NO_REMINDER = "NO_REMINDER";
    static final String INVALID_DATE = "INVALID_DATE";
    private static final DateTimeFormatter KEYED = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    @EJB
    private ReminderAnswers answers;

    public ServiceOutcome invoke(String callId, String operation, Map<String, String> in) {
        Long notice = idOf(in.get("notice"));
        if (notice == null) {
            return ServiceOutcome.error(NO_REMINDER);
        }
        return switch (operation) {
            case "dunning.reminder" -> answers.inCall(notice, callId).map(r -> {
                Map<String, String> out = new HashMap<>();
                out.put("customer", r.utilityCustomer());
                out.put("billNumber", r.billNumber());
                out.put("billAmount", r.amount().toPlainString());
                out.put("dueDate", r.dueDate().toString());
                out.put("customerLanguage", r.language() != null && r.language().startsWith("en") ? "en" : "zh-CN");
                return ServiceOutcome.ok(out);
            }).orElse(ServiceOutcome.error(NO_REMINDER));
            case "dunning.outcome" -> answers.outcome(notice, callId, in.get("outcome"))
                    ? ServiceOutcome.ok(Map.of()) : ServiceOutcome.error(NO_REMINDER);
            case "dunning.promise" -> promise(notice, callId, in.get("date"));
            default -> ServiceOutcome.error(OperationErrors.NOT_AVAILABLE);
        };
    }

    private ServiceOutcome promise(long notice, String callId, String keyed) {
        LocalDate date = dateOf(keyed);
        if (date == null) {
            return ServiceOutcome.error(INVALID_DATE);
        }
        return answers.promise(notice, callId, date).map(d -> ServiceOutcome.ok(Map.of("promisedOn", d.toString())))
                .orElse(ServiceOutcome.error(INVALID_DATE));
    }

    /** A date keyed as eight digits (20261220), or null when it is no calendar date. */
    static LocalDate dateOf(String keyed) {
        if (keyed == null || !keyed.matches("[0-9]{8}")) {
            return null;
        }
        try {
            return LocalDate.parse(keyed, KEYED);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long idOf(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
