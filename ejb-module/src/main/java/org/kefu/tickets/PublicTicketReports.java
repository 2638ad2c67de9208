package org.kefu.tickets;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.logging.Logger;
import org.kefu.platform.RequestBudget;
import org.kefu.telephony.dialplan.NumberCategory;
import org.kefu.telephony.dialplan.NumberClassifier;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A ticket reported on the public web site, without a login (issue 17). Anyone may write, so the
 * door is narrow: an address may report {@code kefu.tickets.publicReportsPerHour} (5) times an
 * hour, refused attempts included, and one phone number at most {@code kefu.tickets.publicPerNumberPerDay}
 * (3) times a day; the number must be a mobile or landline in China (the answer may be a call
 * back to it). The ticket belongs to no customer: an unproven number must not put work on
 * somebody's record; the centre links it when it accepts it. A repeat of an open report about
 * much the same is noted on it, as from any channel. The caller names the source: the REST door
 * passes the address, the public page "page " and the address, so each door has its budget.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // the budget is thread-safe
@PermitAll // the public REST form and page; the checks are here
public class PublicTicketReports {

    private static final Logger LOG = Logger.getLogger(PublicTicketReports.class);
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Set<NumberCategory> ANSWERABLE = Set.of(NumberCategory.MOBILE, NumberCategory.LANDLINE);
    /** Who opened it, in the history and the audit trail. */
    public static final String REPORTER = "web";

    static final int PER_NUMBER_PER_DAY = Integer.getInteger("kefu.tickets.publicPerNumberPerDay", 3);

    private final RequestBudget budget = new RequestBudget(Clock.systemUTC(), Integer.getInteger("kefu.tickets.publicReportsPerHour", 5),
            Duration.ofHours(1), 10_000);
    private final Clock clock = Clock.systemUTC();

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @EJB
    private Tickets tickets;

    /**
     * Opens the reported ticket (or notes a repeat on the open one). Refused with
     * {@link TicketQueryRefused} when too many came from the address or for the number, with a
     * {@link TicketException} INVALID for a bad form, whose message begins with the field's name.
     */
    public Opened report(String phone, String type, String category, String subject, String description, String source) {
        budget.spend(source == null ? "?" : source).ifPresent(wait -> {
            throw new TicketQueryRefused("too many reports from this address; try again later", wait);
        });
        String number = phone == null ? "" : phone.strip();
        if (!PHONE.matcher(number).matches()) {
            throw invalid("phone must be 3 to 20 digits");
        }
        if (!ANSWERABLE.contains(NumberClassifier.classify(number))) {
            throw invalid("phone must be a mobile or landline number in China");
        }
        String typeCode = required(type, "type", 16);
        if (em.find(TicketType.class, typeCode) == null) {
            throw invalid("type " + typeCode + " is unknown");
        }
        String categoryCode = required(category, "category", 32);
        if (em.find(TicketCategory.class, categoryCode) == null) {
            throw invalid("category " + categoryCode + " is unknown");
        }
        String title = required(subject, "subject", 200);
        if (title.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("subject must be one line");
        }
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && (text.length() > 2000 || text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t'))) {
            throw invalid("description must be text of at most 2000 characters");
        }
        long today = em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.callerPhone = :p AND t.channel = 'WEB' AND t.createdAt > :since",
                        Long.class)
                .setParameter("p", number).setParameter("since", clock.instant().minus(Duration.ofDays(1))).getSingleResult();
        if (today >= PER_NUMBER_PER_DAY) {
            throw new TicketQueryRefused("this number has reported " + today + " tickets today", Duration.ofDays(1));
        }
        Opened opened = tickets.open(new NewTicket(null, number, typeCode, categoryCode, title, text, "WEB", null, REPORTER));
        LOG.infof("Public ticket report from %s: ticket %d%s", source, opened.ticket().getId(), opened.repeat() ? " (a repeat)" : "");
        return opened;
    }

    private static String required(String value, String field, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            throw invalid(field + " must be 1 to " + max + " characters");
        }
        return v;
    }

    private static TicketException invalid(String why) {
        return new TicketException("INVALID", why);
    }
}
