package org.kefu.web.knowledge;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.kefu.knowledge.FaqArticle;
import org.kefu.knowledge.FaqDraft;
import org.kefu.knowledge.KnowledgeBase;
import org.kefu.web.PageMessages;

import java.io.Serializable;
import java.util.List;

/** agent/faq.xhtml: agents search the knowledge base in either language. */
@Named
@ViewScoped
public class FaqSearchPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private KnowledgeBase knowledgeBase;

    private String text;
    private String category;
    private List<FaqArticle> results;

    public void search() {
        results = knowledgeBase.search(text, category);
    }

    public List<FaqArticle> getResults() {
        if (results == null) {
            search();
        }
        return results;
    }

    public boolean isEnglish() {
        return "en".equals(PageMessages.locale().getLanguage());
    }

    public List<String> getCategories() {
        return FaqDraft.CATEGORIES;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }
}
