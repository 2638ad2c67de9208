package org.kefu.knowledge;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.kefu.security.AuditLog;
import org.kefu.security.AuditOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FAQ: agents search the active articles, administrators write, edit, retire and
 * bring back articles, each change audited.
 */
@Stateless
@RolesAllowed({"agent", "supervisor", "admin"})
public class KnowledgeBase {

    private static final int MAX_RESULTS = 50;

    @PersistenceContext(unitName = "kefu")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditLog audit;

    /**
     * Active articles in which every word of {@code text} appears in a title, a body or the
     * keywords, in either language, ignoring case; optionally of one category. Blank text lists
     * the category's articles. Newest changes first.
     */
    public List<FaqArticle> search(String text, String category) {
        return query(text, category, false);
    }

    @RolesAllowed("admin")
    public List<FaqArticle> all(String text) {
        return query(text, null, true);
    }

    public FaqArticle find(long id) {
        return em.find(FaqArticle.class, id);
    }

    @RolesAllowed("admin")
    public long save(FaqDraft draft) throws FaqException {
        FaqDraft d = draft.normalized();
        List<String[]> problems = d.problems();
        if (!problems.isEmpty()) {
            throw new FaqException(problems);
        }
        Instant now = Instant.now();
        FaqArticle article;
        String action;
        if (d.getId() == null) {
            article = new FaqArticle(now);
            article.write(d, actor(), now);
            em.persist(article);
            action = "FAQ_CREATE";
        } else {
            article = em.find(FaqArticle.class, d.getId());
            if (article == null) {
                throw new FaqException(List.<String[]>of(new String[] {"id", "unknown"}));
            }
            article.write(d, actor(), now);
            action = "FAQ_UPDATE";
        }
        em.flush();
        audit.record(actor(), action, "faq:" + article.getId(), AuditOutcome.SUCCESS, d.getCategory(), null);
        return article.getId();
    }

    /** Retires (hides from agents) or brings back an article; it is never deleted. */
    @RolesAllowed("admin")
    public void setRetired(long id, boolean retired) throws FaqException {
        FaqArticle article = em.find(FaqArticle.class, id);
        if (article == null) {
            throw new FaqException(List.<String[]>of(new String[] {"id", "unknown"}));
        }
        article.setStatus(retired ? FaqArticle.RETIRED : FaqArticle.ACTIVE, actor(), Instant.now());
        audit.record(actor(), retired ? "FAQ_RETIRE" : "FAQ_RESTORE", "faq:" + id, AuditOutcome.SUCCESS, null, null);
    }

    private List<FaqArticle> query(String text, String category, boolean includeRetired) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<FaqArticle> q = cb.createQuery(FaqArticle.class);
        Root<FaqArticle> a = q.from(FaqArticle.class);
        List<Predicate> all = new ArrayList<>();
        if (!includeRetired) {
            all.add(cb.equal(a.get("status"), FaqArticle.ACTIVE));
        }
        if (category != null && !category.isBlank()) {
            all.add(cb.equal(a.get("category"), category));
        }
        if (text != null) {
            for (String word : text.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                all.add(cb.or(
                        cb.like(cb.lower(a.get("titleZh")), pattern, '\\'),
                        cb.like(cb.lower(a.get("titleEn")), pattern, '\\'),
                        cb.like(cb.lower(a.get("bodyZh")), pattern, '\\'),
                        cb.like(cb.lower(a.get("bodyEn")), pattern, '\\'),
                        cb.like(cb.lower(a.get("keywords")), pattern, '\\')));
            }
        }
        q.select(a).where(all.toArray(new Predicate[0])).orderBy(cb.desc(a.get("updatedAt")), cb.desc(a.get("id")));
        return em.createQuery(q).setMaxResults(MAX_RESULTS).getResultList();
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }
}
