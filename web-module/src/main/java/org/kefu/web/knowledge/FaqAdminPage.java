package org.kefu.web.knowledge;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.kefu.knowledge.FaqArticle;
import org.kefu.knowledge.FaqDraft;
import org.kefu.knowledge.FaqException;
import org.kefu.knowledge.KnowledgeBase;
import org.kefu.web.PageMessages;

import java.io.Serializable;
import java.util.List;

/** admin/faq.xhtml: administrators write, edit, retire and restore articles. */
@Named
@ViewScoped
public class FaqAdminPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private KnowledgeBase knowledgeBase;

    private String filter;
    private List<FaqArticle> articles;
    private FaqDraft draft;

    public List<FaqArticle> getArticles() {
        if (articles == null) {
            articles = knowledgeBase.all(filter);
        }
        return articles;
    }

    public void find() {
        articles = null;
    }

    public void startNew() {
        draft = new FaqDraft();
    }

    public void edit(long id) {
        FaqArticle article = knowledgeBase.find(id);
        draft = article == null ? null : FaqDraft.of(article);
    }

    public void close() {
        draft = null;
    }

    public void save() {
        try {
            long id = knowledgeBase.save(draft);
            draft = FaqDraft.of(knowledgeBase.find(id));
            articles = null;
            PageMessages.info("faq.saved");
        } catch (FaqException e) {
            for (String[] p : e.getProblems()) {
                PageMessages.errorAt("faq:edit-" + p[0], "faq.problem." + p[1],
                        p[1].equals("tooLong") ? (p[0].startsWith("body") ? FaqDraft.MAX_BODY
                                : p[0].equals("keywords") ? FaqDraft.MAX_KEYWORDS : FaqDraft.MAX_TITLE) : "");
            }
            PageMessages.error("faq.notSaved");
        }
    }

    public void retire(long id, boolean retired) {
        try {
            knowledgeBase.setRetired(id, retired);
            articles = null;
            PageMessages.info(retired ? "faq.retired" : "faq.restored");
        } catch (FaqException e) {
            PageMessages.error("faq.notSaved");
        }
    }

    public List<String> getCategories() {
        return FaqDraft.CATEGORIES;
    }

    public FaqDraft getDraft() {
        return draft;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }
}
